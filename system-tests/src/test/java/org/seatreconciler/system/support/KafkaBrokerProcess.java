package org.seatreconciler.system.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.seatreconciler.schemas.support.FreePorts;

/**
 * A single-node Kafka cluster in KRaft mode (broker and controller in one node) run as a child JVM from the
 * Kafka jars ({@code kafka.Kafka server.properties}), so that a test can kill it with SIGKILL and start it
 * again on the same data folder and ports, as an operator's broker restarts.
 *
 * <pre>
 * KafkaBrokerProcess broker = KafkaBrokerProcess.start(dir);          // PLAINTEXT on a free loopback port
 * broker.kill(); broker.restart();                                     // a crash and a restart, same data
 * KafkaBrokerProcess.start(dir, properties, List.of("--add-scram", ...)); // any listeners (SASL_SSL ...)
 * </pre>
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    public static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final String STARTED = "Kafka Server started";

    private final Path dir;
    private final Path configFile;
    private final String bootstrapServers;
    private ChildProcess process;
    private int starts;

    private KafkaBrokerProcess(Path dir, Path configFile, String bootstrapServers) {
        this.dir = dir;
        this.configFile = configFile;
        this.bootstrapServers = bootstrapServers;
    }

    /** A PLAINTEXT broker on free loopback ports, with its data in {@code dir}. */
    public static KafkaBrokerProcess start(Path dir) {
        int[] ports = FreePorts.pick(2);
        return start(dir, plaintextProperties(dir, ports[0], ports[1]), List.of(), "127.0.0.1:" + ports[0]);
    }

    /**
     * Formats {@code dir} for {@code properties} (with {@code formatArgs}, e.g. {@code --add-scram}) and starts
     * the node; returns once it logged that it started.
     *
     * @param bootstrapServers what clients connect to, for {@link #bootstrapServers()}
     */
    public static KafkaBrokerProcess start(Path dir, Properties properties, List<String> formatArgs,
            String bootstrapServers) {
        try {
            Files.createDirectories(dir);
            Path config = dir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                properties.store(out, "written by KafkaBrokerProcess");
            }
            KafkaBrokerProcess broker = new KafkaBrokerProcess(dir, config, bootstrapServers);
            broker.format(formatArgs);
            broker.launch();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The settings of a one-node cluster with a PLAINTEXT listener on {@code brokerPort} and its controller on
     * {@code controllerPort}, both on 127.0.0.1; a base to change for other listeners.
     */
    public static Properties plaintextProperties(Path dir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dir.resolve("data").toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        // one node: internal topics cannot have more replicas, or consumer groups and transactions hang
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    private void format(List<String> formatArgs) {
        List<String> command = new ArrayList<>(List.of(Java.executable().toString(), "-cp", Java.kafkaClasspath(),
                "kafka.tools.StorageTool", "format", "-t", UUID.randomUUID().toString().substring(0, 22)
                        .replace('-', 'x'), "-c", configFile.toString()));
        command.addAll(formatArgs);
        ChildProcess formatting = ChildProcess.start("kafka-storage format", command, Map.of(), dir,
                dir.resolve("format.log"));
        if (!formatting.waitFor(Duration.ofSeconds(60)) || formatting.exitValue() != 0) {
            formatting.kill();
            throw new IllegalStateException("Formatting Kafka storage failed: " + formatting.tail(30));
        }
    }

    private void launch() {
        starts++;
        Path log = dir.resolve("broker-" + starts + ".log");
        process = ChildProcess.start("kafka broker", List.of(Java.executable().toString(), "-Xmx512m",
                "-cp", Java.kafkaClasspath(), "kafka.Kafka", configFile.toString()), Map.of(), dir, log);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!process.output().contains(STARTED)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String tail = process.tail(40);
                process.kill();
                throw new IllegalStateException("The Kafka broker did not start: " + tail);
            }
            sleep(100);
        }
    }

    /** {@code host:port} of the client listener. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no controlled shutdown, no flush; the log segments are recovered at the next start. */
    public void kill() {
        process.kill();
    }

    /** A controlled shutdown (SIGTERM). */
    public void stop() {
        process.stop(Duration.ofSeconds(60));
    }

    /** Starts the node again on the same data and ports after {@link #kill} or {@link #stop}. */
    public void restart() {
        if (isAlive()) {
            throw new IllegalStateException("The broker is still running");
        }
        launch();
    }

    /** How many times the node was started (1 + restarts). */
    public int starts() {
        return starts;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        if (isAlive()) {
            stop();
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
