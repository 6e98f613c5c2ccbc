package org.seatreconciler.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A schema registry speaking the part of Confluent's REST API that clients use ({@code POST
 * /subjects/{subject}/versions}, {@code GET /schemas/ids/{id}}, with {@code schemaType} for JSON and
 * PROTOBUF and Confluent's error codes), served over HTTP on loopback from the test JVM, so that the
 * streams app, a separate process, and the test resolve the same ids. The test can register schemas of
 * other formats, make it answer 503 for a while (an outage) or refuse every call (401).
 * <p>
 * Why not Apicurio (which {@code RealRegistryIT} runs against the serde): it needs a Java 21 runtime and a
 * 158 MB download, starts in seconds rather than milliseconds, and cannot be told to fail on cue; the
 * app's registry client is the same either way.
 */
public final class RegistryServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REGISTER = Pattern.compile("/subjects/([^/]+)/versions");
    private static final Pattern BY_ID = Pattern.compile("/schemas/ids/(\\d+)");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String[]> schemas = new ArrayList<>();
    private final AtomicInteger refusal = new AtomicInteger();
    private final AtomicLong refusedCalls = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();

    public RegistryServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Registers directly (as another producer would have), returning the global id. */
    public synchronized int register(String schemaType, String schema) {
        return ids.computeIfAbsent(schemaType + "\n" + schema, k -> {
            schemas.add(new String[] {schemaType, schema});
            return schemas.size();
        });
    }

    /** From now on every call is answered with {@code status} (503: an outage; 401: refused), until {@link #answerAgain}. */
    public void refuseWith(int status) {
        refusal.set(status);
    }

    public void answerAgain() {
        refusal.set(0);
    }

    public long refusedCalls() {
        return refusedCalls.get();
    }

    public long calls() {
        return calls.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int refused = refusal.get();
        if (refused != 0) {
            refusedCalls.incrementAndGet();
            respond(exchange, refused, error(refused * 100 + 1, refused == 401 ? "Unauthorized" : "Service Unavailable"));
            return;
        }
        String path = exchange.getRequestURI().getPath();
        Matcher register = REGISTER.matcher(path);
        Matcher byId = BY_ID.matcher(path);
        if ("POST".equals(exchange.getRequestMethod()) && register.matches()) {
            JsonNode request = JSON.readTree(body);
            int id = register(request.path("schemaType").asText("AVRO"), request.path("schema").asText());
            respond(exchange, 200, "{\"id\":" + id + "}");
        } else if ("GET".equals(exchange.getRequestMethod()) && byId.matches()) {
            String[] schema = lookup(Integer.parseInt(byId.group(1)));
            if (schema == null) {
                respond(exchange, 404, error(40403, "Schema " + byId.group(1) + " not found"));
                return;
            }
            ObjectNode answer = JSON.createObjectNode().put("schema", schema[1]);
            if (!"AVRO".equals(schema[0])) {
                answer.put("schemaType", schema[0]);
            }
            respond(exchange, 200, answer.toString());
        } else {
            respond(exchange, 404, error(404, "HTTP 404 Not Found"));
        }
    }

    private synchronized String[] lookup(int id) {
        return id >= 1 && id <= schemas.size() ? schemas.get(id - 1) : null;
    }

    private static String error(int code, String message) {
        return JSON.createObjectNode().put("error_code", code).put("message", message).toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
