package org.seatreconciler.batch.input;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a topic up to fixed end offsets, record by record, for the caller to reduce. The offsets are taken once (or given, on a restart) and reading stops when every
 * partition's position reaches them, never "when a poll comes back empty": an empty poll only means
 * the broker had nothing ready yet.
 */
public final class TopicSnapshot {

    private static final Logger log = LoggerFactory.getLogger(TopicSnapshot.class);

    private TopicSnapshot() {
    }

    /**
     * The current end offsets of every partition of {@code topic} (for read_committed: the LSO), or
     * empty when the topic does not exist.
     */
    public static Optional<Map<Integer, Long>> endOffsets(Consumer<String, ?> consumer, String topic,
            Duration timeout) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
        if (partitions == null || partitions.isEmpty()) {
            return Optional.empty();
        }
        List<TopicPartition> tps = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<Integer, Long> ends = new TreeMap<>();
        consumer.endOffsets(tps, timeout).forEach((tp, offset) -> ends.put(tp.partition(), offset));
        return Optional.of(ends);
    }

    /**
     * Feeds every record of {@code topic} below {@code endOffsets} (partition -> offset) to {@code sink}, in
     * offset order per partition (a tombstone comes with a null value). Nothing is kept here: the sink reduces as
     * it goes, so memory does not grow with the topic. The consumer is assigned the topic's partitions, replacing
     * what it was assigned before.
     *
     * @return the number of records fed
     * @throws IllegalStateException when the offsets are not reached within {@code timeout}
     */
    public static <V> long readRecords(Consumer<String, V> consumer, String topic, Map<Integer, Long> endOffsets,
            Duration timeout, java.util.function.Consumer<ConsumerRecord<String, V>> sink) {
        if (endOffsets.values().stream().allMatch(offset -> offset == 0L)) {
            return 0;
        }
        Map<TopicPartition, Long> targets = new LinkedHashMap<>();
        endOffsets.forEach((partition, offset) -> targets.put(new TopicPartition(topic, partition), offset));
        consumer.assign(targets.keySet());
        consumer.seekToBeginning(targets.keySet());
        Instant deadline = Instant.now().plus(timeout);
        long records = 0;
        while (!reached(consumer, targets)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Could not read " + topic + " up to offsets " + endOffsets
                        + " within " + timeout + "; positions " + positions(consumer, targets));
            }
            for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                Long end = targets.get(new TopicPartition(record.topic(), record.partition()));
                if (record.offset() >= end) {
                    continue; // past the snapshot: a later run will see it
                }
                records++;
                sink.accept(record);
            }
        }
        log.debug("Read {} records of {} up to offsets {}", records, topic, endOffsets);
        return records;
    }

    private static boolean reached(Consumer<String, ?> consumer, Map<TopicPartition, Long> targets) {
        return targets.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static String positions(Consumer<String, ?> consumer, Map<TopicPartition, Long> targets) {
        return targets.keySet().stream()
                .collect(Collectors.toMap(TopicPartition::partition, consumer::position)).toString();
    }

    /** {@code 0=12,1=7} for an ExecutionContext. */
    public static String format(Map<Integer, Long> offsets) {
        return offsets.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    public static Map<Integer, Long> parse(String text) {
        Map<Integer, Long> offsets = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return offsets;
        }
        for (String pair : text.split(",")) {
            String[] parts = pair.split("=");
            offsets.put(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
        }
        return offsets;
    }
}
