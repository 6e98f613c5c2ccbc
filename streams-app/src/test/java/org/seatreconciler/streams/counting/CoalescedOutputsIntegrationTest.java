package org.seatreconciler.streams.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seatreconciler.streams.counting.Events.added;
import static org.seatreconciler.streams.counting.Events.adminChanged;
import static org.seatreconciler.streams.counting.Events.removed;
import static org.seatreconciler.streams.counting.Events.roleChanged;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.OrgSeatCounts;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.avro.RejectedEvent;
import org.seatreconciler.schemas.registry.InMemorySchemaRegistry;
import org.seatreconciler.schemas.serde.ConfluentAvroDeserializer;
import org.seatreconciler.schemas.serde.ConfluentAvroSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The outputs published from the record cache, on a real KRaft broker with exactly-once: a history spanning
 * several days per organisation, processed between two commits, gives one record per output key, each with
 * the value the per-event outputs of the TopologyTestDriver (which commits after every record) end with, and
 * every day of every organisation, also the days that ended between the two commits.
 */
class CoalescedOutputsIntegrationTest {

    private static final InMemorySchemaRegistry REGISTRY = InMemorySchemaRegistry.scope("coalesced-it");
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1).brokerProperties(Map.of(
                "offsets.topic.replication.factor", "1", "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1", "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
        InMemorySchemaRegistry.drop("coalesced-it");
    }

    @Test
    void aHistoryProcessedWithinOneCommitGivesOneRecordPerKeyWithTheFinalValuesAndEveryDay() throws Exception {
        List<MembershipEvent> history = history();
        TopologySettings settings = TopologySettings.defaults();
        createTopics(settings);
        publish(settings.inputTopic(), history);

        EventOutcomes outcomes = new EventOutcomes();
        try (KafkaStreams streams = new KafkaStreams(MembershipTopology.build(settings, REGISTRY, outcomes),
                streamsProperties())) {
            streams.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (outcomes.applied() + outcomes.duplicates() + outcomes.rejectedTotal() < history.size()
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(outcomes.applied() + outcomes.duplicates() + outcomes.rejectedTotal()).isEqualTo(history.size());
            // a clean close commits: the one commit of this run, with everything in one transaction
            streams.close(Duration.ofSeconds(30));
        }

        try (TopologyFixture perEvent = new TopologyFixture()) {
            history.forEach(perEvent::send);
            List<TestRecord<String, OrgSeatCounts>> everyCount = perEvent.counts();
            List<TestRecord<String, OrgSeatDay>> everyDay = perEvent.daily();
            List<TestRecord<String, RejectedEvent>> rejections = perEvent.rejected();

            List<Map.Entry<String, OrgSeatCounts>> counts = readCommitted(settings.orgCountsTopic(), OrgSeatCounts.class);
            List<Map.Entry<String, OrgSeatDay>> daily = readCommitted(settings.orgDailyTopic(), OrgSeatDay.class);
            assertThat(everyCount).hasSize(10);
            assertThat(everyDay).hasSize(13);
            assertThat(latest(counts)).hasSize(counts.size()).isEqualTo(latestOf(everyCount));
            assertThat(latest(daily)).hasSize(daily.size()).isEqualTo(latestOf(everyDay)).containsOnlyKeys(
                    "org-a|2026-11-02", "org-a|2026-11-03", "org-a|2026-11-04", "org-b|2026-11-02", "org-c|2026-11-03");
            assertThat(readCommitted(settings.rejectedTopic(), RejectedEvent.class)).extracting(e -> e.getValue().getEventId())
                    .containsExactlyElementsOf(rejections.stream().map(r -> r.value().getEventId()).toList())
                    .containsExactly("c-self");
        }
        assertThat(outcomes.duplicates()).isEqualTo(2);
    }

    /**
     * org-a: three days, its counts changing on each, one event changing nothing; org-b: only events that change
     * no count; org-c: one day, a redelivery, a refused role change and a late event of an earlier day.
     */
    private static List<MembershipEvent> history() {
        MembershipEvent aAdd = added("a-1", "org-a", "m-1", "2026-11-02T09:00:00Z", MemberRole.STANDARD, true, false);
        MembershipEvent cAdd = added("c-1", "org-c", "m-1", "2026-11-03T09:00:00Z", MemberRole.STANDARD, true, false);
        return List.of(
                aAdd,
                added("a-2", "org-a", "m-2", "2026-11-02T10:00:00Z", MemberRole.SUPPORT),
                removed("b-1", "org-b", "m-9", "2026-11-02T10:30:00Z"),
                cAdd,
                adminChanged("a-3", "org-a", "m-1", "2026-11-02T11:00:00Z", true),
                added("a-4", "org-a", "m-3", "2026-11-02T23:30:00Z", MemberRole.SUPPORT),
                removed("a-5", "org-a", "m-3", "2026-11-03T08:00:00Z"),
                aAdd,
                roleChanged("a-6", "org-a", "m-2", "2026-11-03T09:00:00Z", "m-1", MemberRole.STANDARD),
                roleChanged("c-self", "org-c", "m-1", "2026-11-03T09:30:00Z", "m-1", MemberRole.SUPPORT),
                added("c-2", "org-c", "m-2", "2026-11-03T10:00:00Z", MemberRole.SUPPORT),
                cAdd,
                removed("b-2", "org-b", "m-8", "2026-11-02T11:00:00Z"),
                added("a-7", "org-a", "m-4", "2026-11-04T07:00:00Z", MemberRole.SUPPORT),
                added("c-3", "org-c", "m-3", "2026-11-02T12:00:00Z", MemberRole.STANDARD),
                removed("a-8", "org-a", "m-2", "2026-11-04T08:00:00Z"));
    }

    private static <T> Map<String, T> latest(List<Map.Entry<String, T>> records) {
        Map<String, T> latest = new TreeMap<>();
        records.forEach(r -> latest.put(r.getKey(), r.getValue()));
        return latest;
    }

    private static <T> Map<String, T> latestOf(List<TestRecord<String, T>> records) {
        Map<String, T> latest = new TreeMap<>();
        records.forEach(r -> latest.put(r.key(), r.value()));
        return latest;
    }

    private static Properties streamsProperties() throws Exception {
        Path states = Files.createDirectories(Path.of("target", "coalesced-it-state"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "coalesced-it-" + UUID.randomUUID());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        // no commit until the close: every event lands between the same two commits
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Duration.ofMinutes(10).toMillis());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), (int) Duration.ofMinutes(11).toMillis());
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(states, "state").toString());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return props;
    }

    private static void createTopics(TopologySettings settings) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            admin.createTopics(List.of(settings.inputTopic(), settings.rejectedTopic(), settings.orgCountsTopic(),
                    settings.orgDailyTopic()).stream().map(t -> new NewTopic(t, 1, (short) 1)).toList()).all().get();
        }
    }

    private static void publish(String topic, List<MembershipEvent> events) {
        ConfluentAvroSerializer<MembershipEvent> serializer = new ConfluentAvroSerializer<>(REGISTRY, false);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (MembershipEvent event : events) {
                producer.send(new ProducerRecord<>(topic, event.getOrgId(), serializer.serialize(topic, event)));
            }
            producer.flush();
        }
    }

    /** Every committed record of the topic's one partition, in order. */
    private static <T extends SpecificRecord> List<Map.Entry<String, T>> readCommitted(String topic, Class<T> type) {
        TopicPartition partition = new TopicPartition(topic, 0);
        List<Map.Entry<String, T>> records = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ConfluentAvroDeserializer<>(type, REGISTRY))) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> records.add(Map.entry(r.key(), r.value())));
            }
        }
        return records;
    }
}
