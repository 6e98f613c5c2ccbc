package org.seatreconciler.batch.explain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Utils;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.RejectedEvent;
import org.seatreconciler.batch.catchup.MissingTopicException;
import org.seatreconciler.batch.input.TopicSnapshot;
import org.seatreconciler.schemas.serde.MalformedPayloadException;
import org.seatreconciler.schemas.settings.SeatsSettings;

/**
 * Reads one organisation's membership events back from Kafka: the partition of hr.membership-events its key
 * goes to (Kafka's default partitioner, murmur2 of the key, as the HR systems' producers use), only the records
 * with its key; and the rejections of those records from hr.membership-events.rejected (keyed by the same
 * orgId). One partition, not the topic, so an explanation costs that partition's records, whatever the
 * number of organisations.
 */
public class OrgEventLog {

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final Deserializer<MembershipEvent> events;
    private final Deserializer<RejectedEvent> rejections;
    private final String eventsTopic;
    private final String rejectedTopic;
    private final Duration timeout;

    public OrgEventLog(Supplier<Consumer<String, byte[]>> consumers, Deserializer<MembershipEvent> events,
            Deserializer<RejectedEvent> rejections, String eventsTopic, String rejectedTopic, Duration timeout) {
        this.consumers = consumers;
        this.events = events;
        this.rejections = rejections;
        this.eventsTopic = eventsTopic;
        this.rejectedTopic = rejectedTopic;
        this.timeout = timeout;
    }

    public String topic() {
        return eventsTopic;
    }

    /**
     * @throws MissingTopicException when hr.membership-events does not exist
     * @throws org.seatreconciler.schemas.registry.SchemaRegistryException when the registry cannot answer: an
     *         explanation without the events it could not read would look complete
     */
    public OrgRecords read(String orgId) {
        try (Consumer<String, byte[]> consumer = consumers.get()) {
            int partition = partitionOf(consumer, eventsTopic, orgId)
                    .orElseThrow(() -> MissingTopicException.forSetting(eventsTopic, SeatsSettings.MEMBERSHIP_EVENTS_SETTING));
            TopicPartition tp = new TopicPartition(eventsTopic, partition);
            long logStart = consumer.beginningOffsets(List.of(tp), timeout).get(tp);
            long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
            List<OrgRecords.OrgRecord> records = new ArrayList<>();
            TopicSnapshot.readRecords(consumer, eventsTopic, Map.of(partition, end), timeout, record -> {
                if (orgId.equals(record.key())) {
                    records.add(new OrgRecords.OrgRecord(record.offset(), decode(events, eventsTopic, record.value())));
                }
            });
            Map<Long, OrgRecords.Rejection> rejected = new HashMap<>();
            String rejectionsNote = readRejections(consumer, orgId, partition, rejected);
            return new OrgRecords(eventsTopic, partition, logStart, end, records, rejected, rejectionsNote);
        }
    }

    private String readRejections(Consumer<String, byte[]> consumer, String orgId, int eventsPartition,
            Map<Long, OrgRecords.Rejection> rejected) {
        Optional<Integer> partition = partitionOf(consumer, rejectedTopic, orgId);
        if (partition.isEmpty()) {
            return "topic " + rejectedTopic + " does not exist, so rejected events cannot be told apart";
        }
        TopicPartition tp = new TopicPartition(rejectedTopic, partition.get());
        long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
        TopicSnapshot.readRecords(consumer, rejectedTopic, Map.of(partition.get(), end), timeout, record -> {
            RejectedEvent rejection = orgId.equals(record.key()) ? decode(rejections, rejectedTopic, record.value()) : null;
            if (rejection != null && eventsTopic.equals(rejection.getSourceTopic())
                    && rejection.getSourcePartition() == eventsPartition) {
                rejected.put(rejection.getSourceOffset(), new OrgRecords.Rejection(rejection.getReason(),
                        rejection.getDetail()));
            }
        });
        return null;
    }

    /** The partition Kafka's default partitioner gives {@code key}, or empty when the topic does not exist. */
    private Optional<Integer> partitionOf(Consumer<String, byte[]> consumer, String topic, String key) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
        if (partitions == null || partitions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions.size());
    }

    private static <T> T decode(Deserializer<T> deserializer, String topic, byte[] value) {
        try {
            return deserializer.deserialize(topic, value);
        } catch (MalformedPayloadException e) {
            return null; // the streams app rejected it as MALFORMED; its rejection says so
        }
        // a registry that cannot answer (SchemaRegistryException) is not the record's fault: it fails the read
    }
}
