package org.seatreconciler.local.lag;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.seatreconciler.local.ReconcilerException;

/**
 * Waits until a consumer group has committed, on every partition of a topic, the topic's end offset:
 * everything published so far has been processed. With exactly-once processing the group's offsets are
 * committed in the same transaction as its outputs, so lag 0 also means those outputs are visible.
 */
public final class ConsumerLag {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private ConsumerLag() {
    }

    /** The group's lag per partition of the topic (end offset minus committed offset, 0 when none). */
    public static Map<TopicPartition, Long> lag(Admin admin, String groupId, String topic) {
        Map<TopicPartition, Long> ends = endOffsets(admin, topic);
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata(groupId));
        Map<TopicPartition, Long> lag = new TreeMap<>(Comparator.comparingInt(TopicPartition::partition));
        ends.forEach((partition, end) -> {
            long done = Optional.ofNullable(committed.get(partition)).map(OffsetAndMetadata::offset).orElse(0L);
            lag.put(partition, Math.max(0, end - done));
        });
        return lag;
    }

    /**
     * @throws ReconcilerException on timeout, naming the group, topic and the lag left per partition
     */
    public static void await(Admin admin, String groupId, String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> lag;
        while (true) {
            lag = lag(admin, groupId, topic);
            if (lag.values().stream().allMatch(l -> l == 0)) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            sleep();
        }
        long total = lag.values().stream().mapToLong(Long::longValue).sum();
        String perPartition = lag.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> "partition " + e.getKey().partition() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
        throw new ReconcilerException("consumer group '" + groupId + "' has not processed " + topic + " within "
                + describe(timeout) + ": " + total + " records left (" + perPartition + ")");
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s";
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) {
        var description = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        Map<TopicPartition, OffsetSpec> latest = description.partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends = get(admin.listOffsets(latest).all());
        return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReconcilerException("interrupted while reading consumer lag", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new ReconcilerException("cannot read consumer lag: " + cause.getMessage(), cause);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReconcilerException("interrupted while waiting for the streams app to catch up", e);
        }
    }
}
