package org.seatreconciler.streams.counting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.OrgSeatCounts;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.avro.RejectedEvent;
import org.seatreconciler.schemas.registry.InMemorySchemaRegistry;
import org.seatreconciler.schemas.serde.ConfluentAvroDeserializer;
import org.seatreconciler.schemas.serde.ConfluentAvroSerializer;

/** The topology under a TopologyTestDriver with its own in-memory registry scope. */
final class TopologyFixture implements AutoCloseable {

    /** The processing time the driver starts at: after the events of the tests, whatever today is. */
    static final Instant WALL_CLOCK_START = Instant.parse("2026-11-10T00:00:00Z");

    final TopologySettings settings;
    final EventOutcomes outcomes = new EventOutcomes();
    private final String scope = "ttd-" + UUID.randomUUID();
    private final InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope(scope);
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> input;
    private final TestOutputTopic<String, OrgSeatCounts> counts;
    private final TestOutputTopic<String, OrgSeatDay> daily;
    private final TestOutputTopic<String, RejectedEvent> rejected;
    private final ConfluentAvroSerializer<MembershipEvent> eventSerializer = new ConfluentAvroSerializer<>(registry, false);

    TopologyFixture() {
        this(TopologySettings.defaults());
    }

    TopologyFixture(TopologySettings settings) {
        this.settings = settings;
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "seat-reconciler-ttd");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        try {
            // under target/, so test runs do not leave folders in the system's temp folder
            Path states = Files.createDirectories(Path.of("target", "ttd-state"));
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(states, "ttd").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver = new TopologyTestDriver(MembershipTopology.build(settings, registry, outcomes), props, WALL_CLOCK_START);
        input = driver.createInputTopic(settings.inputTopic(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        counts = driver.createOutputTopic(settings.orgCountsTopic(), Serdes.String().deserializer(),
                new ConfluentAvroDeserializer<>(OrgSeatCounts.class, registry));
        daily = driver.createOutputTopic(settings.orgDailyTopic(), Serdes.String().deserializer(),
                new ConfluentAvroDeserializer<>(OrgSeatDay.class, registry));
        rejected = driver.createOutputTopic(settings.rejectedTopic(), Serdes.String().deserializer(),
                new ConfluentAvroDeserializer<>(RejectedEvent.class, registry));
    }

    /** Publishes the event keyed by its orgId, with its occurredAt as the record timestamp. */
    TopologyFixture send(MembershipEvent... events) {
        for (MembershipEvent event : events) {
            sendKeyed(event.getOrgId(), event);
        }
        return this;
    }

    void sendKeyed(String key, MembershipEvent event) {
        input.pipeInput(key, serialize(event), event.getOccurredAt());
    }

    /** Publishes the event with another record timestamp than its occurredAt. */
    void sendWithTimestamp(MembershipEvent event, Instant recordTimestamp) {
        input.pipeInput(event.getOrgId(), serialize(event), recordTimestamp);
    }

    InMemorySchemaRegistry registry() {
        return registry;
    }

    /** The driver's member store, as the processor sees it. */
    org.apache.kafka.streams.state.KeyValueStore<String, MemberRecord> memberStore() {
        return driver.getKeyValueStore(MembershipTopology.MEMBER_STATE_STORE);
    }

    /** The driver's organisation store, as the processor sees it. */
    org.apache.kafka.streams.state.KeyValueStore<String, OrgState> orgStore() {
        return driver.getKeyValueStore(MembershipTopology.ORG_STATE_STORE);
    }

    void sendRaw(String key, byte[] value) {
        input.pipeInput(key, value, Instant.parse("2026-11-02T00:00:00Z"));
    }

    /** Moves the driver's wall clock, which dedup uses to remember and forget applied ids. */
    void advanceWallClock(java.time.Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    byte[] serialize(MembershipEvent event) {
        return eventSerializer.serialize(settings.inputTopic(), event);
    }

    List<TestRecord<String, OrgSeatCounts>> counts() {
        return counts.readRecordsToList();
    }

    /** The latest value per key, as a compacted topic would keep it. */
    Map<String, OrgSeatCounts> latestCounts() {
        return counts.readKeyValuesToMap();
    }

    List<TestRecord<String, OrgSeatDay>> daily() {
        return daily.readRecordsToList();
    }

    Map<String, OrgSeatDay> latestDaily() {
        return daily.readKeyValuesToMap();
    }

    List<TestRecord<String, RejectedEvent>> rejected() {
        return rejected.readRecordsToList();
    }

    @Override
    public void close() {
        driver.close();
        InMemorySchemaRegistry.drop(scope);
    }
}
