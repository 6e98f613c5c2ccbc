package org.seatreconciler.system.billing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.seatreconciler.schemas.registry.InMemorySchemaRegistry;
import org.seatreconciler.schemas.registry.SchemaRegistryException;

/**
 * The schemas the test registered in an in-memory scope ({@code mock://scope}), served over loopback the way a
 * Confluent-compatible registry answers {@code GET /schemas/ids/{id}}, so a job running as another process
 * can read what the test published. Only that call: the job never registers.
 */
final class RegistryOverHttp implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private RegistryOverHttp(HttpServer server) {
        this.server = server;
    }

    static RegistryOverHttp serve(String scope) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/schemas/ids/", exchange -> answer(exchange, InMemorySchemaRegistry.scope(scope)));
            server.start();
            return new RegistryOverHttp(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, InMemorySchemaRegistry registry) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int status;
        String body;
        try {
            int id = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
            body = JSON.createObjectNode().put("schema", registry.schemaById(id).toString()).toString();
            status = 200;
        } catch (NumberFormatException | SchemaRegistryException e) {
            body = JSON.createObjectNode().put("error_code", 40403).put("message", "Schema not found").toString();
            status = 404;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
