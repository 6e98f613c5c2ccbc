package org.seatreconciler.local.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.avro.Schema;
import org.seatreconciler.schemas.registry.InMemorySchemaRegistry;
import org.seatreconciler.schemas.registry.SchemaRegistryException;

/**
 * The bench's in-memory registry served over the two calls of the Confluent REST API our serde makes
 * (register, schema by id), on loopback, so the production jars run as child processes resolve the
 * same schema ids as the records the bench published.
 */
final class RegistryHttpServer implements AutoCloseable {

    private static final Pattern REGISTER = Pattern.compile("/subjects/([^/]+)/versions/?");
    private static final Pattern BY_ID = Pattern.compile("/schemas/ids/(\\d+)/?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private RegistryHttpServer(HttpServer server) {
        this.server = server;
    }

    static RegistryHttpServer start(InMemorySchemaRegistry registry) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> handle(registry, exchange));
            server.start();
            return new RegistryHttpServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the bench's registry endpoint", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void handle(InMemorySchemaRegistry registry, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Matcher register = REGISTER.matcher(path);
        Matcher byId = BY_ID.matcher(path);
        try {
            if (register.matches() && exchange.getRequestMethod().equals("POST")) {
                String subject = URLDecoder.decode(register.group(1), StandardCharsets.UTF_8);
                String schema = JSON.readTree(exchange.getRequestBody()).path("schema").asText();
                int id = registry.register(subject, new Schema.Parser().parse(schema));
                answer(exchange, 200, JSON.createObjectNode().put("id", id).toString());
            } else if (byId.matches() && exchange.getRequestMethod().equals("GET")) {
                Schema schema = registry.schemaById(Integer.parseInt(byId.group(1)));
                answer(exchange, 200, JSON.createObjectNode().put("schema", schema.toString()).toString());
            } else {
                answer(exchange, 404, "{\"error_code\":404,\"message\":\"not served by the bench\"}");
            }
        } catch (SchemaRegistryException e) {
            answer(exchange, 404, JSON.createObjectNode().put("error_code", 40403).put("message", e.getMessage()).toString());
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
