package org.seatreconciler.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.OrgPlan;

/**
 * The client against a stand-in that answers as Confluent's Schema Registry documents its REST API,
 * recording every request so the test can check method, path, headers and body exactly.
 */
class RestSchemaRegistryClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private RestSchemaRegistryClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        client = new RestSchemaRegistryClient("http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void registersUnderTheSubjectOnceAndCachesTheId() {
        Schema schema = OrgPlan.getClassSchema();

        int id = client.register("billing.org-plans-value", schema);
        int again = client.register("billing.org-plans-value", schema);

        assertThat(id).isEqualTo(21);
        assertThat(again).isEqualTo(21);
        assertThat(requests).containsExactly("POST /subjects/billing.org-plans-value/versions "
                + "application/vnd.schemaregistry.v1+json {\"schema\":" + quote(schema.toString()) + "}");
        assertThat(client.schemaById(21)).isEqualTo(schema);
        assertThat(requests).hasSize(1);
    }

    @Test
    void fetchesASchemaByIdOnceAndCachesIt() {
        Schema first = client.schemaById(21);
        Schema second = client.schemaById(21);

        assertThat(first).isEqualTo(OrgPlan.getClassSchema());
        assertThat(second).isSameAs(first);
        assertThat(requests).containsExactly("GET /schemas/ids/21  ");
    }

    @Test
    void anIdTheRegistryDoesNotKnowIsSchemaNotFound() {
        assertThatThrownBy(() -> client.schemaById(99))
                .isInstanceOfSatisfying(SchemaNotFoundException.class, e -> assertThat(e.errorCode()).isEqualTo(40403))
                .hasMessageEndingWith("/schemas/ids/99 -> HTTP 404: Schema 99 not found");
    }

    @Test
    void anIdOfAJsonSchemaOrProtobufOrUnparseableAvroIsUnusable() {
        assertThatThrownBy(() -> client.schemaById(31)).isExactlyInstanceOf(UnusableSchemaException.class)
                .hasMessage("Schema id 31 is a JSON schema, not Avro");
        assertThatThrownBy(() -> client.schemaById(32)).isExactlyInstanceOf(UnusableSchemaException.class)
                .hasMessage("Schema id 32 is a PROTOBUF schema, not Avro");
        assertThatThrownBy(() -> client.schemaById(33)).isExactlyInstanceOf(UnusableSchemaException.class)
                .hasMessageStartingWith("Schema id 33 is not a valid Avro schema: ");
    }

    @Test
    void serverErrorsAndAnswersThatAreNotARegistrysAreUnavailable() {
        assertThatThrownBy(() -> client.schemaById(50))
                .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> assertThat(e.errorCode()).isEqualTo(50001))
                .hasMessageEndingWith("/schemas/ids/50 -> HTTP 500: backend store down");
        assertThatThrownBy(() -> client.schemaById(53))
                .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> assertThat(e.errorCode()).isEqualTo(503));
        assertThatThrownBy(() -> client.schemaById(54)).isExactlyInstanceOf(RegistryUnavailableException.class)
                .hasMessageEndingWith("answered without a schema for id 54: is it a Confluent-compatible registry?");
    }

    @Test
    void aRegistryThatCannotBeReachedIsUnavailable() {
        int closed = server.getAddress().getPort();
        server.stop(0);
        RestSchemaRegistryClient gone = new RestSchemaRegistryClient("http://127.0.0.1:" + closed, Duration.ofSeconds(2));

        assertThatThrownBy(() -> gone.schemaById(21)).isExactlyInstanceOf(RegistryUnavailableException.class)
                .hasMessageStartingWith("Schema registry at http://127.0.0.1:" + closed + "/ unreachable: ");
    }

    @Test
    void aRegistryThatDoesNotAnswerInTimeIsUnavailable() {
        RestSchemaRegistryClient impatient = new RestSchemaRegistryClient(
                "http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofMillis(200));

        assertThatThrownBy(() -> impatient.schemaById(60)).isExactlyInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("HttpTimeoutException");
    }

    @Test
    void aRefusalThatWaitingDoesNotFixIsNeitherUnavailableNorBadInput() {
        assertThatThrownBy(() -> client.schemaById(41))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .hasMessageEndingWith("/schemas/ids/41 -> HTTP 401: Unauthorized");
        // a 404 without the registry's own code: the URL is not a registry's (a wrong path)
        assertThatThrownBy(() -> client.schemaById(44))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .hasMessageEndingWith("/schemas/ids/44 -> HTTP 404: <html>Not Found</html>");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " "
                + (contentType == null ? "" : contentType) + " " + body);
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("POST") && path.equals("/subjects/billing.org-plans-value/versions")) {
            respond(exchange, 200, "{\"id\":21}");
        } else if (path.equals("/schemas/ids/21")) {
            respond(exchange, 200, JSON.createObjectNode().put("schema", OrgPlan.getClassSchema().toString()).toString());
        } else if (path.equals("/schemas/ids/31")) {
            respond(exchange, 200, "{\"schemaType\":\"JSON\",\"schema\":\"{\\\"type\\\":\\\"object\\\"}\"}");
        } else if (path.equals("/schemas/ids/32")) {
            respond(exchange, 200, "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");
        } else if (path.equals("/schemas/ids/33")) {
            respond(exchange, 200, "{\"schema\":\"{\\\"type\\\":\\\"record\\\"\"}");
        } else if (path.equals("/schemas/ids/41")) {
            respond(exchange, 401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");
        } else if (path.equals("/schemas/ids/44")) {
            respond(exchange, 404, "<html>Not Found</html>");
        } else if (path.equals("/schemas/ids/50")) {
            respond(exchange, 500, "{\"error_code\":50001,\"message\":\"backend store down\"}");
        } else if (path.equals("/schemas/ids/53")) {
            respond(exchange, 503, "");
        } else if (path.equals("/schemas/ids/54")) {
            respond(exchange, 200, "<html>welcome</html>");
        } else if (path.equals("/schemas/ids/60")) {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "{}");
        } else {
            respond(exchange, 404, "{\"error_code\":40403,\"message\":\"Schema 99 not found\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
