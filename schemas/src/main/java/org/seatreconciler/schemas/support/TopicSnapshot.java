package org.seatreconciler.schemas.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A whole topic as it was when the read started: every partition from its beginning up to the end offsets
 * taken first, committed records only (read_committed, as the exactly-once streams app writes), with no
 * consumer group. Never "until a poll comes back empty", which ends early on a slow broker and late on a
 * busy topic.
 */
public final class TopicSnapshot {

    private TopicSnapshot() {
    }

    /**
     * Hands each record of {@code topic} up to its end offsets to {@code action}, in partition order per
     * partition, without holding them.
     *
     * @param timeout      for the metadata and the whole read
     * @throws IllegalStateException when the end offsets are not reached within {@code timeout}
     */
    public static <K, V> void forEach(String bootstrapServers, String topic, Deserializer<K> keys,
            Deserializer<V> values, Duration timeout, Consumer<ConsumerRecord<K, V>> action) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read " + topic + " up to its end offsets "
                            + describe(ends) + " within " + timeout.toSeconds() + " s");
                }
                for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(200))) {
                    // a record published after the read started is not part of the snapshot
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        action.accept(record);
                    }
                }
            }
        }
    }

    /** The records of {@link #forEach}, in a list. */
    public static <K, V> List<ConsumerRecord<K, V>> read(String bootstrapServers, String topic, Deserializer<K> keys,
            Deserializer<V> values, Duration timeout) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        forEach(bootstrapServers, topic, keys, values, timeout, records::add);
        return records;
    }

    private static String describe(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().map(e -> e.getKey().partition() + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }
}
