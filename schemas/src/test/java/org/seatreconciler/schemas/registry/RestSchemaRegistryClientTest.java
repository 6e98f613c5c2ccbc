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
    void reportsTheRegistryErrorCode() {
        assertThatThrownBy(() -> client.schemaById(99))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403))
                .hasMessageEndingWith("/schemas/ids/99 -> HTTP 404: Schema 99 not found");
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
