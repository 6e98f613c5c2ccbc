package org.seatreconciler.system.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.OrgSeatCounts;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.schemas.registry.RestSchemaRegistryClient;
import org.seatreconciler.schemas.serde.ConfluentAvroDeserializer;
import org.seatreconciler.schemas.settings.SeatsSettings;
import org.seatreconciler.schemas.settings.TopicLayout;
import org.seatreconciler.schemas.support.TopicSnapshot;
import org.seatreconciler.system.support.ApicurioProcess;
import org.seatreconciler.system.support.ChildProcess;
import org.seatreconciler.system.support.Java;
import org.seatreconciler.system.support.KafkaBrokerProcess;

/**
 * docker-compose.yml run as local processes (DESIGN.md section 8), as an operator runs the stack: every
 * service with the environment of its compose service ({@link LocalStack}), the worked example published
 * with {@code reconciler publish}, billed night by night with the compose service's manual run, the files
 * compared byte for byte; then the registry and the streams app are killed and started again, and the
 * stored records still decode and the counts go on from where they were.
 */
class StackIT {

    private static final Map<String, String> SECRETS = Map.of("POSTGRES_PASSWORD", "stack-db-secret",
            "HTTP_PASSWORD", "stack-http-secret");
    private static final List<String> DATES = List.of("2026-09-30", "2026-10-01", "2026-10-02");
    /** The manual night of the compose file's comment and the README. */
    private static final List<String> MANUAL_NIGHT = List.of("--seats.billing.schedule.enabled=false",
            "--seats.billing.run-on-startup=true");

    private final Path root = Java.path("project.root");
    private final Path example = Java.path("worked.example.dir");
    private final Path work = Java.path("work.dir").resolve("stack-" + System.currentTimeMillis());
    private final ComposeFile compose = ComposeFile.read(root.resolve("docker-compose.yml"), SECRETS);

    @Test
    void everyVariableOfTheComposeFileIsReadByItsService() {
        Map<String, Set<String>> unread = Map.of(
                "kafka", EnvironmentCheck.unreadByKafka(compose.service("kafka").environment()),
                "postgres", EnvironmentCheck.unreadByPostgresImage(compose.service("postgres").environment()),
                "registry", EnvironmentCheck.unreadByApicurio(compose.service("registry").environment(),
                        Java.path("registry.app.dir").resolve("app/apicurio-registry-app-3.3.3.jar")),
                "topics", EnvironmentCheck.unreadByScript(compose.service("topics").environment(),
                        root.resolve("ops/create-topics.sh")),
                "streams-app", EnvironmentCheck.unreadBySpringApp(compose.service("streams-app").environment(),
                        Java.path("streams.jar"), "streams-app"),
                "batch-jobs", EnvironmentCheck.unreadBySpringApp(compose.service("batch-jobs").environment(),
                        Java.path("batch.jar"), "batch-jobs"));

        assertThat(unread).allSatisfy((service, variables) -> assertThat(variables).as(service).isEmpty());
        // the check itself finds a misspelt variable of each kind
        assertThat(EnvironmentCheck.unreadBySpringApp(Map.of("SEATS_TOPICS_CREAT", "false", "SPRING_KAFKA_PROPERTIES_X_Y", "1"),
                Java.path("streams.jar"), "streams-app")).containsExactly("SEATS_TOPICS_CREAT");
        assertThat(EnvironmentCheck.unreadByKafka(Map.of("KAFKA_LOG_DIRZ", "/x"))).containsExactly("KAFKA_LOG_DIRZ");
        assertThat(compose.service("streams-app").environment()).containsEntry("SEATS_TOPICS_CREATE", "false");
    }

    @Test
    void theServicesWaitForHealthyDependencies() {
        assertThat(compose.service("registry").dependsOn()).isEqualTo(Map.of("postgres", "service_healthy"));
        assertThat(compose.service("topics").dependsOn()).isEqualTo(Map.of("kafka", "service_healthy"));
        assertThat(compose.service("streams-app").dependsOn()).isEqualTo(Map.of("kafka", "service_healthy",
                "registry", "service_healthy", "topics", "service_completed_successfully"));
        assertThat(compose.service("batch-jobs").dependsOn()).isEqualTo(Map.of("kafka", "service_healthy",
                "registry", "service_healthy", "postgres", "service_healthy", "topics", "service_completed_successfully"));
        assertThat(List.of("kafka", "postgres", "registry")).allSatisfy(s ->
                assertThat(compose.service(s).healthcheck()).hasSize(2));
    }

    @Test
    void theStackBillsTheWorkedExampleAndSurvivesARestartOfTheRegistryAndTheStreamsApp() throws Exception {
        try (LocalStack stack = new LocalStack(compose, root, work)) {
            stack.startPostgres();
            KafkaBrokerProcess kafka = stack.startKafka();
            ApicurioProcess registry = stack.startRegistry();
            String topicsOutput = stack.runTopicsService();
            assertThat(topicsOutput).contains("Topics ready on");
            assertTopicsAsSection5Says(kafka.bootstrapServers());

            ChildProcess streams = startStreams(stack, 1);
            String published = publish(stack, example.resolve("events.jsonl"), "--plans", example.resolve("plans.csv").toString());
            assertThat(published.lines().filter(l -> l.startsWith("{")).toList()).hasSize(2)
                    .allSatisfy(l -> assertThat(l).startsWith("{\"source\":\"input\",\"line\":").contains("\"reason\":\"MALFORMED\""));
            assertThat(published).contains("Sent 42 event(s) to hr.membership-events and 2 plan assignment(s) to "
                    + "billing.org-plans; refused 2 line(s) {MALFORMED=2}");

            Path out = stack.volume("billing").resolve("out");
            int run = 0;
            for (String date : DATES) {
                ChildProcess night = stack.startApp("batch-jobs", Map.of(), concat(MANUAL_NIGHT, "--billing-date=" + date), ++run);
                assertThat(night.waitFor(Duration.ofMinutes(4))).as(night.tail(40)).isTrue();
                assertThat(night.exitValue()).as(night.tail(40)).isZero();
                for (String file : List.of("invoices.csv", "seat-counts.csv")) {
                    assertThat(Files.readAllBytes(out.resolve(date).resolve(file))).as(date + "/" + file)
                            .isEqualTo(Files.readAllBytes(example.resolve("expected").resolve(date).resolve(file)));
                }
            }
            String counts = "{\"orgId\":\"clinic-a\",\"standard\":11,\"support\":16,\"admins\":3,\"owners\":1,"
                    + "\"billableStandard\":13,\"supportOnly\":14,\"totalMembers\":27}";
            assertThat(http(stack, "/orgs/clinic-a/counts", true).body()).isEqualTo(counts);
            assertThat(http(stack, "/orgs/clinic-a/counts", false).statusCode()).isEqualTo(401);
            assertThat(http(stack, "/actuator/health/liveness", false).statusCode()).isEqualTo(200);
            List<ConsumerRecord<byte[], byte[]>> eventsBefore = readAll(kafka.bootstrapServers(), "hr.membership-events");
            assertThat(eventsBefore).hasSize(42);

            // a registry whose schemas were only in memory would forget the ids inside these records
            registry.kill();
            streams.kill();
            registry.restart();
            streams = startStreams(stack, 2);

            String registryUrl = stack.hostText("http://localhost:8081/apis/ccompat/v7");
            assertDecode(kafka.bootstrapServers(), registryUrl, "hr.membership-events", MembershipEvent.class, 42);
            assertDecode(kafka.bootstrapServers(), registryUrl, "seats.org-counts", OrgSeatCounts.class, -1);
            assertDecode(kafka.bootstrapServers(), registryUrl, "seats.org-daily", OrgSeatDay.class, -1);

            Path more = Files.writeString(work.resolve("after-restart.jsonl"), "{\"eventId\":\"after-restart-1\","
                    + "\"type\":\"MEMBER_ADDED\",\"orgId\":\"clinic-a\",\"memberId\":\"a-std-new\",\"role\":\"STANDARD\","
                    + "\"occurredAt\":\"2026-10-03T09:00:00Z\"}\n");
            assertThat(publish(stack, more)).contains("Sent 1 event(s) to hr.membership-events and 0 plan assignment(s)");
            List<ConsumerRecord<byte[], byte[]>> eventsAfter = readAll(kafka.bootstrapServers(), "hr.membership-events");
            assertThat(eventsAfter).hasSize(43);
            // the same schema keeps its id across the restart
            Set<Integer> ids = eventsAfter.stream().map(r -> schemaId(r.value())).collect(Collectors.toCollection(TreeSet::new));
            assertThat(ids).hasSize(1);

            String continued = "{\"orgId\":\"clinic-a\",\"standard\":12,\"support\":16,\"admins\":3,\"owners\":1,"
                    + "\"billableStandard\":14,\"supportOnly\":14,\"totalMembers\":28}";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            String body = "";
            while (System.nanoTime() < deadline && !body.equals(continued)) {
                body = http(stack, "/orgs/clinic-a/counts", true).body();
                Thread.sleep(500);
            }
            assertThat(body).as(streams.tail(30)).isEqualTo(continued);
            // Quarkus names a key it does not know: none of the registry service's variables is one
            compose.service("registry").environment().keySet().forEach(variable -> assertThat(registry.process().output())
                    .doesNotContain("Unrecognized configuration key \"" + variable.toLowerCase(java.util.Locale.ROOT).replace('_', '.') + "\""));
        }
    }

    private ChildProcess startStreams(LocalStack stack, int run) throws Exception {
        ChildProcess streams = stack.startApp("streams-app", Map.of("SERVER_ADDRESS", "127.0.0.1",
                "SERVER_PORT", String.valueOf(stack.port("streams-app", 8080))), List.of(), run);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            assertThat(streams.isAlive()).as(streams.tail(40)).isTrue();
            try {
                if (http(stack, "/actuator/health", false).body().contains("\"status\":\"UP\"")) {
                    return streams;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            assertThat(System.nanoTime()).as(streams.tail(40)).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    /** {@code ./reconciler publish} as the README runs it from the operator's machine. */
    private String publish(LocalStack stack, Path events, String... more) {
        List<String> args = new ArrayList<>(List.of("publish", "--events", events.toString(),
                "--bootstrap-servers", stack.hostText("localhost:9094"),
                "--registry", stack.hostText("http://localhost:8081/apis/ccompat/v7")));
        args.addAll(List.of(more));
        ChildProcess publish = ChildProcess.java("publish", List.of(), Java.path("reconciler.jar"), args, Map.of(),
                work.resolve("publish"), work.resolve("publish").resolve("publish-" + System.nanoTime() + ".log"));
        assertThat(publish.waitFor(Duration.ofMinutes(2))).isTrue();
        assertThat(publish.exitValue()).as(publish.tail(30)).isZero();
        return publish.output();
    }

    private HttpResponse<String> http(LocalStack stack, String path, boolean login) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.port("streams-app", 8080) + path));
        if (login) {
            Map<String, String> env = compose.service("streams-app").environment();
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((env.get("SPRING_SECURITY_USER_NAME")
                    + ":" + env.get("SPRING_SECURITY_USER_PASSWORD")).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The topics service made exactly the topics of TopicLayout, with the partitions and replication it was given. */
    private void assertTopicsAsSection5Says(String bootstrap) throws Exception {
        Map<String, String> env = compose.service("topics").environment();
        SeatsSettings.TopicSettings settings = SeatsSettings.TopicSettings.defaults().withLayout(
                Integer.parseInt(env.get("INPUT_PARTITIONS")), Integer.parseInt(env.get("OUTPUT_PARTITIONS")),
                Short.parseShort(env.get("REPLICATION_FACTOR")));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> expected = TopicLayout.of(settings);
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(NewTopic::name).toList());
            Map<String, TopicDescription> descriptions = admin.describeTopics(expected.stream().map(NewTopic::name).toList())
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            for (NewTopic topic : expected) {
                TopicDescription d = descriptions.get(topic.name());
                assertThat(d.partitions()).as(topic.name()).hasSize(topic.numPartitions());
                assertThat(d.partitions().get(0).replicas()).as(topic.name()).hasSize(topic.replicationFactor());
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
                Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
                Map<String, String> wanted = topic.configs() == null ? Map.of() : topic.configs();
                assertThat(config.get("cleanup.policy").value()).as(topic.name())
                        .isEqualTo(wanted.getOrDefault("cleanup.policy", "delete"));
                wanted.forEach((key, value) -> assertThat(config.get(key).value()).as(topic.name() + " " + key).isEqualTo(value));
            }
        }
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> void assertDecode(String bootstrap, String registryUrl,
            String topic, Class<T> type, int expected) {
        // a new client, as a new process has: every schema is fetched from the restarted registry by its id
        ConfluentAvroDeserializer<T> deserializer = new ConfluentAvroDeserializer<>(type,
                new RestSchemaRegistryClient(registryUrl, Duration.ofSeconds(10)));
        List<ConsumerRecord<byte[], byte[]>> records = readAll(bootstrap, topic);
        assertThat(records).as(topic).isNotEmpty();
        if (expected >= 0) {
            assertThat(records).as(topic).hasSize(expected);
        }
        assertThat(records).allSatisfy(r -> assertThat(deserializer.deserialize(topic, r.value())).isInstanceOf(type));
    }

    private static int schemaId(byte[] value) {
        return ((value[1] & 0xff) << 24) | ((value[2] & 0xff) << 16) | ((value[3] & 0xff) << 8) | (value[4] & 0xff);
    }

    /** Every committed record of the topic, up to the end offsets when the read starts. */
    private static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap, String topic) {
        return TopicSnapshot.read(bootstrap, topic, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                Duration.ofSeconds(30));
    }

    private static List<String> concat(List<String> first, String last) {
        List<String> all = new ArrayList<>(first);
        all.add(last);
        return all;
    }
}
