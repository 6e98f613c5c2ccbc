package org.seatreconciler.local.broker;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.seatreconciler.schemas.support.FreePorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka cluster in KRaft mode (broker and controller in one node), run in-process from
 * the real server classes, with its data in a temporary folder. Listeners are on 127.0.0.1 only, on
 * free ports, so two local runs can coexist. Closing (or Ctrl-C, through a shutdown hook) stops the
 * server and deletes the folder.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final int START_ATTEMPTS = 3;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final TempDirectory dataDir;
    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Thread hook;
    private final Deque<AutoCloseable> closeFirst = new ArrayDeque<>();
    private boolean closed;

    private LocalKafkaBroker(TempDirectory dataDir, KafkaRaftServer server, String bootstrapServers) {
        this.dataDir = dataDir;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.hook = new Thread(this::close, "local-kafka-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        // from now on our hook stops the server before deleting its folder
        dataDir.handOverShutdown();
    }

    /** Formats fresh storage, starts the node and returns once an AdminClient gets an answer from it. */
    public static LocalKafkaBroker start() {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            TempDirectory dataDir = TempDirectory.create("reconciler-kafka-");
            try {
                return startIn(dataDir);
            } catch (RuntimeException e) {
                // most likely a port taken between picking and binding: retry on new ports
                log.warn("Local Kafka did not start (attempt {}): {}", attempt, e.getMessage());
                dataDir.close();
                last = e;
            }
        }
        throw new IllegalStateException("Cannot start the local Kafka broker: " + last.getMessage(), last);
    }

    private static LocalKafkaBroker startIn(TempDirectory dataDir) {
        int[] ports = FreePorts.pick(2);
        Properties props = serverProperties(dataDir.path(), ports[0], ports[1]);
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        format(config, dataDir.path());
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        String bootstrap = "127.0.0.1:" + ports[0];
        LocalKafkaBroker broker = new LocalKafkaBroker(dataDir, server, bootstrap);
        try {
            server.startup();
            awaitReady(bootstrap);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        log.info("Local Kafka ready on {} with data in {}", bootstrap, dataDir.path());
        return broker;
    }

    static Properties serverProperties(Path dir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dir.resolve("logs").toString());
        p.put("metadata.log.dir", dir.resolve("metadata").toString());
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
        // a local run has one consumer per group: no reason to wait for more members
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        p.put("auto.create.topics.enable", "true");
        return p;
    }

    private static void format(KafkaConfig config, Path dir) {
        // The Formatter prints what it did; the user wants progress, not storage details.
        try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)) {
            Files.createDirectories(dir.resolve("logs"));
            Files.createDirectories(dir.resolve("metadata"));
            new Formatter()
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(config.nodeId())
                    .setControllerListenerName(config.controllerListenerNames().get(0))
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(List.of(dir.resolve("logs").toString(), dir.resolve("metadata").toString()))
                    .setPrintStream(quiet)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void awaitReady(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the local Kafka broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("The local Kafka broker on " + bootstrap + " did not answer within "
                    + READY_TIMEOUT.toSeconds() + " s: " + e.getMessage(), e);
        }
    }

    /** {@code host:port} of the broker listener, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The temporary folder holding the broker's data (deleted on close). */
    public Path dataDir() {
        return dataDir.path();
    }

    /**
     * Closes {@code resource} before the broker, last registered first, also when the JVM is stopped
     * (Ctrl-C): the apps that talk to the broker, and the folders they write in, must stop before it
     * does. JVM shutdown hooks run concurrently, so this one hook does it all, in order.
     */
    public synchronized void closeFirst(AutoCloseable resource) {
        closeFirst.push(resource);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // called from the hook itself
        }
        while (!closeFirst.isEmpty()) {
            AutoCloseable resource = closeFirst.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Could not close {} before the broker: {}", resource, e.getMessage());
            }
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Local Kafka did not shut down cleanly: {}", e.getMessage());
        } finally {
            dataDir.close();
        }
    }
}
