package org.seatreconciler.schemas.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;

/**
 * Talks to a Confluent-compatible Schema Registry over its REST API: {@code POST
 * /subjects/{subject}/versions} to register, {@code GET /schemas/ids/{id}} to fetch. Both answers
 * are cached for the life of the client, so only the first record of each schema calls out.
 * <p>
 * Failures come as distinct types (see {@link SchemaRegistryException}): unreachable, timed out or 5xx
 * is {@link RegistryUnavailableException} (try again); an id the registry does not know is
 * {@link SchemaNotFoundException}; an id it knows as JSON Schema, Protobuf or unparseable Avro is
 * {@link UnusableSchemaException}; any other refusal (401, 403, 409, a 404 that is not the registry's)
 * is a plain {@link SchemaRegistryException}.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;
    private final HttpClient http;
    private final Duration timeout;
    private final Map<String, Integer> registered = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> byId = new ConcurrentHashMap<>();
    private final Optional<String> authorization;

    public RestSchemaRegistryClient(String baseUrl, Duration timeout) {
        this(baseUrl, timeout, RegistryClientSettings.none());
    }

    /** A registry behind TLS (a trust store of its own) or HTTP Basic, as {@code settings} say. */
    public RestSchemaRegistryClient(String baseUrl, Duration timeout, RegistryClientSettings settings) {
        this.baseUri = withoutUserInfo(URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/"));
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
        settings.sslContext().ifPresent(builder::sslContext);
        this.http = builder.build();
        this.authorization = settings.authorization();
    }

    @Override
    public int register(String subject, Schema schema) {
        return registered.computeIfAbsent(subject + '\n' + schema, k -> {
            String body = JSON.createObjectNode().put("schema", schema.toString()).toString();
            JsonNode answer = call(HttpRequest.newBuilder(resolve("subjects/" + encode(subject) + "/versions"))
                    .header("Content-Type", CONTENT_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
            int id = answer.path("id").asInt(-1);
            if (id < 0) {
                throw new RegistryUnavailableException(-1, "Registry at " + baseUri + " answered without an id when "
                        + "registering " + subject + ": is it a Confluent-compatible registry?");
            }
            byId.putIfAbsent(id, schema);
            return id;
        });
    }

    @Override
    public Schema schemaById(int id) {
        return byId.computeIfAbsent(id, k -> {
            JsonNode answer = call(HttpRequest.newBuilder(resolve("schemas/ids/" + id)).GET());
            if (!answer.path("schema").isTextual()) {
                throw new RegistryUnavailableException(-1, "Registry at " + baseUri + " answered without a schema "
                        + "for id " + id + ": is it a Confluent-compatible registry?");
            }
            return AvroSchemaText.parse(id, answer.path("schemaType").asText(AvroSchemaText.AVRO),
                    answer.path("schema").asText());
        });
    }

    private JsonNode call(HttpRequest.Builder request) {
        request.timeout(timeout).header("Accept", CONTENT_TYPE + ", application/json");
        authorization.ifPresent(value -> request.header("Authorization", value));
        HttpRequest built = request.build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) { // connection refused or reset, HttpTimeoutException
            throw new RegistryUnavailableException("Schema registry at " + baseUri + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("Interrupted calling the schema registry", e);
        }
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status / 100 == 2) {
            return body;
        }
        int code = body.path("error_code").asInt(status);
        String message = built.method() + " " + built.uri() + " -> HTTP " + status + ": "
                + body.path("message").asText(response.body());
        if (status / 100 == 5 || status == 408 || status == 429) {
            throw new RegistryUnavailableException(code, message);
        }
        if (status == 404 && code == SchemaRegistryException.SCHEMA_NOT_FOUND) {
            throw new SchemaNotFoundException(message);
        }
        throw new SchemaRegistryException(code, message);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("message", body);
        }
    }

    /** Credentials in the URL are sent as a header (basic.auth.credentials.source=URL), never logged. */
    private static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        return URI.create(uri.toString().replace(uri.getRawUserInfo() + "@", ""));
    }

    private URI resolve(String path) {
        return baseUri.resolve(path);
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
