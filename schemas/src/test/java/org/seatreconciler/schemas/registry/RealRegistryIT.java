package org.seatreconciler.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.MembershipEventType;
import org.seatreconciler.avro.OrgPlan;
import org.seatreconciler.schemas.serde.ConfluentAvroSerde;
import org.seatreconciler.schemas.serde.MalformedPayloadException;
import org.seatreconciler.schemas.testing.JavaRuntimes;

/**
 * The serde against a real Confluent-compatible registry: Apicurio Registry 3 (from Maven Central,
 * unpacked by the build) serving the Confluent API under {@code /apis/ccompat/v7}, started as a child
 * process on loopback for this test.
 */
class RealRegistryIT {

    private static Process registry;
    private static String url;

    @BeforeAll
    static void startRegistry() throws Exception {
        Path app = Path.of(System.getProperty("registry.app.dir"), "quarkus-run.jar");
        assertThat(app).as("Apicurio unpacked by the build").exists();
        // Apicurio 3 needs Java 21+: the running JVM if it is one, else a configured or installed one
        Path java = JavaRuntimes.javaAtLeast(21);
        int port = freePort();
        int management = freePort();
        Path log = Path.of(System.getProperty("registry.app.dir")).resolveSibling("apicurio-it.log");
        registry = new ProcessBuilder(java.toString(), "-Xmx512m",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + management,
                "-jar", app.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        url = "http://127.0.0.1:" + port + "/apis/ccompat/v7";
        awaitReady(Duration.ofSeconds(60), log);
    }

    @AfterAll
    static void stopRegistry() throws InterruptedException {
        if (registry != null) {
            registry.destroy();
            registry.waitFor();
        }
    }

    @Test
    void roundTripsThroughARealRegistry() {
        Serde<MembershipEvent> serde = ConfluentAvroSerde.forValues(MembershipEvent.class, url);
        MembershipEvent event = MembershipEvent.newBuilder()
                .setEventId("e-1").setType(MembershipEventType.MEMBER_ADDED).setOrgId("org-7").setMemberId("m-1")
                .setOccurredAt(Instant.parse("2026-11-02T09:00:00Z")).setRole(MemberRole.STANDARD).build();

        byte[] bytes = serde.serializer().serialize("hr.membership-events", event);

        // A second client, as another process would have: it must fetch the schema by id.
        Serde<MembershipEvent> reader = ConfluentAvroSerde.forValues(MembershipEvent.class, url);
        assertThat(bytes[0]).isZero();
        assertThat(reader.deserializer().deserialize("hr.membership-events", bytes)).isEqualTo(event);
    }

    @Test
    void theSameSchemaUnderTwoSubjectsHasOneIdAndAnotherSchemaAnother() {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(url, Duration.ofSeconds(5));

        int first = client.register("a-value", OrgPlan.getClassSchema());
        int second = client.register("b-value", OrgPlan.getClassSchema());
        int other = client.register("a-value", MembershipEvent.getClassSchema());

        assertThat(second).isEqualTo(first);
        assertThat(List.of(first, other)).doesNotHaveDuplicates();
    }

    @Test
    void anUnknownIdIsAMalformedPayload() {
        Serde<MembershipEvent> serde = ConfluentAvroSerde.forValues(MembershipEvent.class, url);

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {0, 0, 0, 0x7f, 0x7f, 2}))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("Unknown schema id 32639: the registry has no such schema");
    }

    private static void awaitReady(Duration timeout, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!registry.isAlive()) {
                throw new IllegalStateException("Apicurio exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/subjects")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Apicurio not ready within " + timeout + ": " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
