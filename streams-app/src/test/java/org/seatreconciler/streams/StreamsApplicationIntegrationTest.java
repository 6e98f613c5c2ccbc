package org.seatreconciler.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seatreconciler.streams.counting.Events.added;
import static org.seatreconciler.streams.counting.Events.adminChanged;
import static org.seatreconciler.streams.counting.Events.removed;
import static org.seatreconciler.streams.counting.Events.roleChanged;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.OrgSeatCounts;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.avro.RejectedEvent;
import org.seatreconciler.schemas.Topics;
import org.seatreconciler.schemas.registry.InMemorySchemaRegistry;
import org.seatreconciler.schemas.serde.ConfluentAvroDeserializer;
import org.seatreconciler.schemas.serde.ConfluentAvroSerializer;
import org.seatreconciler.streams.counting.EventOutcomes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

import com.jayway.jsonpath.JsonPath;

/**
 * The Spring Boot app on a real KRaft broker started by the test, configured with nothing but the
 * bootstrap servers, the registry URL and a state dir: it creates its topics, counts a few hundred
 * events with exactly-once, rejects random bytes without stopping, and serves the live counts, its health
 * and its metrics over HTTP (the web server switched on, on a random port).
 */
@SpringBootTest(classes = StreamsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
        "spring.config.name=" + StreamsApplication.CONFIG_NAMES,
        "spring.main.web-application-type=servlet",
        "spring.security.user.name=dashboard",
        "spring.security.user.password=s3cret",
        "server.tomcat.basedir=target/tomcat",
        // an advertised address (it need not be reachable here): the assignment then carries hosts, and
        // a query finds this instance in it as the active host, as it would among several instances
        "seats.http.advertised-host-port=streams-it:8080",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "seats.schema-registry-url=mock://streams-it",
        "spring.kafka.streams.state-dir=target/streams-it-state/${random.uuid}",
        "seats.topics.input-partitions=3",
        "seats.topics.output-partitions=3"})
@EmbeddedKafka(brokerProperties = {
        "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "group.initial.rebalance.delay.ms=0"})
class StreamsApplicationIntegrationTest {

    private static final int ORGS = 5;
    private static final InMemorySchemaRegistry REGISTRY = InMemorySchemaRegistry.scope("streams-it");

    @Autowired
    private EventOutcomes outcomes;

    @Autowired
    private org.springframework.core.env.Environment env;

    @Test
    void countsAFewHundredEventsExactlyAndRejectsWhatItCannotApply() throws Exception {
        int published = publish();
        assertThat(published).isEqualTo(ORGS * 73);

        // every org's state: 30 standard (s-0 admin+owner) + 2 support moved to standard, 13 support of
        // which 3 admins; the removals happen on the second day
        // outputs are published per organisation and commit (several changes may come as one record, section 5):
        // once the app has committed the whole input, its outputs are committed too
        awaitInputCommitted(published);
        List<ConsumerRecord<String, OrgSeatCounts>> countRecords = readCommitted(Topics.ORG_COUNTS, OrgSeatCounts.class);
        List<ConsumerRecord<String, OrgSeatDay>> dayRecords = readCommitted(Topics.ORG_DAILY, OrgSeatDay.class);
        Map<String, OrgSeatCounts> counts = latestByKey(countRecords);
        Map<String, OrgSeatDay> daily = latestByKey(dayRecords);
        List<ConsumerRecord<String, RejectedEvent>> rejected = readCommitted(Topics.REJECTED, RejectedEvent.class);
        // at most one record per applied event; rejections are never merged
        assertThat(countRecords.size()).isBetween(ORGS, ORGS * 60);
        assertThat(dayRecords.size()).isBetween(2 * ORGS, ORGS * 60);

        for (int o = 0; o < ORGS; o++) {
            String org = "org-" + o;
            assertThat(counts.get(org)).isEqualTo(new OrgSeatCounts(org, 32, 13, 4, 1, 35, 10, 45,
                    Instant.parse(at(1, 4))));
            assertThat(daily.get(Topics.dailyKey(org, LocalDate.parse("2026-11-02")))).isEqualTo(
                    new OrgSeatDay(org, LocalDate.parse("2026-11-02"), 32, 18, 4, 1, 35, 15, 50, 35, 50,
                            Instant.parse(at(0, 60)), "UTC"));
            assertThat(daily.get(Topics.dailyKey(org, LocalDate.parse("2026-11-03")))).isEqualTo(
                    new OrgSeatDay(org, LocalDate.parse("2026-11-03"), 32, 13, 4, 1, 35, 10, 45, 35, 50,
                            Instant.parse(at(1, 4)), "UTC"));
        }
        assertThat(counts).hasSize(ORGS);
        assertThat(daily).hasSize(2 * ORGS);
        assertThat(rejected).hasSize(3 * ORGS);
        Map<String, List<String>> reasonsByOrg = rejected.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                TreeMap::new, Collectors.mapping(r -> r.value().getReason(), Collectors.toList())));
        assertThat(reasonsByOrg).hasSize(ORGS).allSatisfy((org, reasons) -> assertThat(reasons)
                .containsExactly("MALFORMED", "SELF_ROLE_CHANGE", "UNAUTHORIZED_ROLE_CHANGE"));
        assertThat(rejected).allSatisfy(r -> {
            assertThat(r.value().getSourceTopic()).isEqualTo(Topics.MEMBERSHIP_EVENTS);
            assertThat(r.value().getSourcePartition()).isBetween(0, 2);
        });
        ConsumerRecord<String, RejectedEvent> garbage = rejected.get(0);
        assertThat(garbage.value().getPayload().remaining()).isEqualTo(64);
        assertThat(garbage.value().getEventId()).isNull();

        assertThat(outcomes.applied()).isEqualTo(ORGS * 60);
        assertThat(outcomes.duplicates()).isEqualTo(ORGS * 10);
        assertThat(outcomes.rejected()).isEqualTo(Map.of("MALFORMED", (long) ORGS, "SELF_ROLE_CHANGE", (long) ORGS,
                "UNAUTHORIZED_ROLE_CHANGE", (long) ORGS));

        // the output topics are committed, so the store holds the same figures
        HttpResponse<String> org1 = get("/orgs/org-1/counts");
        assertThat(org1.statusCode()).isEqualTo(200);
        assertThat(org1.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(org1.body()).isEqualTo("{\"orgId\":\"org-1\",\"standard\":32,\"support\":13,\"admins\":4,"
                + "\"owners\":1,\"billableStandard\":35,\"supportOnly\":10,\"totalMembers\":45}");
        HttpResponse<String> unknown = get("/orgs/org-unknown/counts");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"orgId\":\"org-unknown\",\"error\":\"NOT_FOUND\","
                + "\"message\":\"no counts for organisation org-unknown\"}");

        // a login is required, except for the health probes
        assertThat(anonymous("/orgs/org-1/counts").statusCode()).isEqualTo(401);
        assertThat(anonymous("/actuator/metrics").statusCode()).isEqualTo(401);
        assertThat(anonymous("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(send("/orgs/org-1/counts", "Basic " + Base64.getEncoder().encodeToString(
                "dashboard:wrong".getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(401);

        // the operators' endpoints: the client is RUNNING, and the meters read the same outcomes
        HttpResponse<String> health = anonymous("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(health.body(), "$.status")).isEqualTo("UP");
        assertThat(JsonPath.<Map<String, Object>>read(health.body(), "$.components.kafkaStreams"))
                .isEqualTo(Map.of("status", "UP", "details", Map.of("state", "RUNNING")));
        HttpResponse<String> liveness = anonymous("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<Map<String, Object>>read(liveness.body(), "$.components"))
                .containsOnlyKeys("livenessState", "kafkaStreams");

        assertThat(count("seats.events.applied")).isEqualTo(300.0);
        assertThat(count("seats.events.duplicates")).isEqualTo(50.0);
        assertThat(count("seats.events.rejected")).isEqualTo(15.0);
        assertThat(count("seats.events.rejected?tag=reason:MALFORMED")).isEqualTo(5.0);
        assertThat(count("seats.events.rejected?tag=reason:SELF_ROLE_CHANGE")).isEqualTo(5.0);
        assertThat(count("seats.events.rejected?tag=reason:UNAUTHORIZED_ROLE_CHANGE")).isEqualTo(5.0);
        // Kafka Streams' own metrics, bound by Boot's KafkaStreamsMicrometerListener
        List<String> names = JsonPath.read(get("/actuator/metrics").body(), "$.names");
        assertThat(names).contains("seats.events.applied", "seats.events.duplicates", "seats.events.rejected",
                "kafka.stream.thread.process.total");

        HttpResponse<String> prometheus = get("/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body().lines()).contains("seats_events_applied_total 300.0",
                "seats_events_rejected_total{reason=\"MALFORMED\"} 5.0");
    }

    /** The COUNT measurement of {@code /actuator/metrics/{nameAndQuery}}. */
    private double count(String nameAndQuery) throws Exception {
        HttpResponse<String> metric = get("/actuator/metrics/" + nameAndQuery);
        assertThat(metric.statusCode()).as(nameAndQuery).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(metric.body(), "$.measurements[*].statistic")).containsExactly("COUNT");
        return JsonPath.<Number>read(metric.body(), "$.measurements[0].value").doubleValue();
    }

    /** With the login of spring.security.user.*. */
    private HttpResponse<String> get(String path) throws Exception {
        return send(path, "Basic " + Base64.getEncoder().encodeToString("dashboard:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> anonymous(String path) throws Exception {
        return send(path, null);
    }

    private HttpResponse<String> send(String path, String authorization) throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + env.getProperty("local.server.port") + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Per org: 50 adds, random bytes, 3 admin grants, 4 role changes (2 refused), 5 removals, 10 duplicates. */
    private int publish() {
        ConfluentAvroSerializer<MembershipEvent> serializer = new ConfluentAvroSerializer<>(REGISTRY, false);
        Random random = new Random(11);
        int sent = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (int o = 0; o < ORGS; o++) {
                String org = "org-" + o;
                List<MembershipEvent> events = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    events.add(added(org + "-as" + i, org, "s-" + i, at(0, i), MemberRole.STANDARD, i == 0, i == 0));
                }
                for (int i = 0; i < 20; i++) {
                    events.add(added(org + "-ap" + i, org, "p-" + i, at(0, 30 + i), MemberRole.SUPPORT));
                }
                for (MembershipEvent e : events) {
                    producer.send(new ProducerRecord<>(Topics.MEMBERSHIP_EVENTS, org, serializer.serialize(Topics.MEMBERSHIP_EVENTS, e)));
                }
                byte[] garbage = new byte[64];
                random.nextBytes(garbage);
                producer.send(new ProducerRecord<>(Topics.MEMBERSHIP_EVENTS, org, garbage));
                List<MembershipEvent> later = new ArrayList<>();
                for (int i = 10; i < 13; i++) {
                    later.add(adminChanged(org + "-adm" + i, org, "p-" + i, at(0, 50 + i), true));
                }
                later.add(roleChanged(org + "-self", org, "p-5", at(0, 57), "p-5", MemberRole.STANDARD));
                later.add(roleChanged(org + "-unauth", org, "p-6", at(0, 58), "s-1", MemberRole.STANDARD));
                later.add(roleChanged(org + "-r0", org, "p-0", at(0, 59), "s-0", MemberRole.STANDARD));
                later.add(roleChanged(org + "-r1", org, "p-1", at(0, 60), "s-0", MemberRole.STANDARD));
                for (int i = 15; i < 20; i++) {
                    later.add(removed(org + "-rm" + i, org, "p-" + i, at(1, i - 15)));
                }
                later.addAll(events.subList(0, 10));
                for (MembershipEvent e : later) {
                    producer.send(new ProducerRecord<>(Topics.MEMBERSHIP_EVENTS, org, serializer.serialize(Topics.MEMBERSHIP_EVENTS, e)));
                }
                sent += events.size() + 1 + later.size();
            }
            producer.flush();
        }
        return sent;
    }

    /** Nov 2 from 08:00 plus minutes for day 0; Nov 3 from 08:00 for day 1. */
    private static String at(int day, int minutes) {
        return Instant.parse("2026-11-02T08:00:00Z").plus(Duration.ofDays(day)).plus(Duration.ofMinutes(minutes))
                .toString();
    }

    private static <T> Map<String, T> latestByKey(List<ConsumerRecord<String, T>> records) {
        Map<String, T> latest = new HashMap<>();
        records.forEach(r -> latest.put(r.key(), r.value()));
        return latest;
    }

    /** Waits until the app's consumer group has committed every one of the published input records. */
    private void awaitInputCommitted(int published) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()))) {
            String group = env.getProperty("spring.kafka.streams.application-id");
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            long committed = 0;
            while (committed < published && System.nanoTime() < deadline) {
                Thread.sleep(200);
                committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                        .filter(e -> e.getKey().topic().equals(Topics.MEMBERSHIP_EVENTS) && e.getValue() != null)
                        .mapToLong(e -> e.getValue().offset()).sum();
            }
            assertThat(committed).as("input records committed by %s", group).isEqualTo(published);
        }
    }

    /** Every committed record of the topic, from the start to its end offsets (read_committed). */
    private <T extends SpecificRecord> List<ConsumerRecord<String, T>> readCommitted(String topic, Class<T> type) {
        Deserializer<T> values = new ConfluentAvroDeserializer<>(type, REGISTRY);
        List<ConsumerRecord<String, T>> records = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private String brokers() {
        return env.getProperty("spring.embedded.kafka.brokers");
    }
}
