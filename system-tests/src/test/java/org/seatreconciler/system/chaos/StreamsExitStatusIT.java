package org.seatreconciler.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.seatreconciler.system.support.ChildProcess;
import org.seatreconciler.system.support.Java;
import org.seatreconciler.system.support.KafkaBrokerProcess;
import org.seatreconciler.system.support.RegistryServer;

/**
 * What a restart cannot fix ends the production jar with its exit status and one line (DESIGN.md section
 * 8), with the web server off (nothing else would keep the JVM alive, and it must not end with 0) and on
 * (Tomcat would keep it alive for good).
 */
class StreamsExitStatusIT {

    private static KafkaBrokerProcess broker;
    private static Path dir;

    @BeforeAll
    static void startBroker() {
        dir = Java.path("work.dir").resolve("exit-status-" + System.currentTimeMillis());
        broker = KafkaBrokerProcess.start(dir.resolve("broker"));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aMissingInputTopicEndsTheProcessWithStatus3_webServerOff() {
        try (RegistryServer registry = new RegistryServer();
             StreamsAppProcess app = new StreamsAppProcess(dir.resolve("missing-topic"), broker.bootstrapServers(),
                     registry.url(), List.of("--seats.topics.create=false",
                             "--seats.topics.membership-events=no-such-topic",
                             "--spring.kafka.streams.application-id=exit-status-missing-topic",
                             // each report of the missing topic replaces the thread, whose successor waits for
                             // the old member's session to end before the next rebalance (45 s by default)
                             "--spring.kafka.streams.properties.session.timeout.ms=6000",
                             "--spring.kafka.streams.properties.heartbeat.interval.ms=1500",
                             "--spring.main.web-application-type=none"))) {
            app.start();

            assertExits(app.process(), 3, "Stopping the streams app with exit status 3 (MISSING_TOPIC), a restart "
                    + "cannot fix it: MissingSourceTopicException: ");
        }
    }

    @Test
    void aRegistryThatRefusesTheCredentialsEndsTheProcessWithStatus4_webServerOn() throws Exception {
        try (RegistryServer registry = new RegistryServer();
             StreamsAppProcess app = new StreamsAppProcess(dir.resolve("refused"), broker.bootstrapServers(),
                     registry.url(), List.of("--seats.topics.create=true",
                             "--seats.topics.membership-events=refused-input",
                             "--seats.topics.input-partitions=1", "--seats.topics.output-partitions=1",
                             "--spring.kafka.streams.application-id=exit-status-refused"))) {
            registry.refuseWith(401);
            app.start();
            awaitRunning(app);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    new StringSerializer(), new ByteArraySerializer())) {
                byte[] framed = ByteBuffer.allocate(7).put((byte) 0).putInt(1).put(new byte[] {2, 'x'}).array();
                producer.send(new ProducerRecord<>("refused-input", "org-1", framed)).get(30, TimeUnit.SECONDS);
            }

            assertExits(app.process(), 4, "Stopping the streams app with exit status 4 (NOT_AUTHORISED), a restart "
                    + "cannot fix it: SchemaRegistryException: GET " + registry.url() + "/schemas/ids/1 -> HTTP 401: Unauthorized");
        }
    }

    private static void assertExits(ChildProcess process, int status, String line) {
        assertThat(process.waitFor(Duration.ofSeconds(120))).as("the process ended: %s", process.tail(40)).isTrue();
        assertThat(process.exitValue()).as(process.tail(40)).isEqualTo(status);
        List<String> reasons = process.output().lines().filter(l -> l.contains("Stopping the streams app")).toList();
        assertThat(reasons).as(process.tail(40)).hasSize(1);
        assertThat(reasons.get(0)).contains(line);
    }

    private static void awaitRunning(StreamsAppProcess app) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!"RUNNING".equals(app.streamsState())) {
            assertThat(System.nanoTime() < deadline && app.isAlive()).as(app.process().tail(40)).isTrue();
            Thread.sleep(250);
        }
    }
}
