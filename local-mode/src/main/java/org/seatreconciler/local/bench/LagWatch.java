package org.seatreconciler.local.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.seatreconciler.local.ReconcilerException;

/**
 * Watches a consumer group replay a topic whose end offsets do not move (the history published before
 * the app started), polling its committed offsets, as an operator would watch its lag.
 */
final class LagWatch {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Admin admin;

    LagWatch(Admin admin) {
        this.admin = admin;
    }

    /** The records on the topic: the sum of its partitions' end offsets. */
    long records(String topic, int partitions) {
        Map<TopicPartition, OffsetSpec> latest = partitions(topic, partitions).stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        return get(admin.listOffsets(latest).all()).values().stream().mapToLong(o -> o.offset()).sum();
    }

    /**
     * Polls until {@code group} has committed every record of {@code topic}, timed from {@code startNanos}.
     *
     * @param cpu   CPU time used by the processes doing the work (the bench's JVM with its broker, and the
     *              app's JVM when it has its own), read at the start and at each poll
     * @param threadCpu CPU time of the app's stream threads (-1: not known), read at each poll
     * @param alive false once the app died: the wait stops with an error instead of running into the timeout
     */
    ReplayTiming.Replay await(String group, String topic, int partitions, long startNanos, long startCpuNanos,
                              LongSupplier cpu, LongSupplier threadCpu, Duration timeout, BooleanSupplier alive) {
        long records = records(topic, partitions);
        ReplayTiming timing = new ReplayTiming(records, startNanos, startCpuNanos);
        long deadline = startNanos + timeout.toNanos();
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata());
            long sum = committed.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
            timing.observe(System.nanoTime(), cpu.getAsLong(), threadCpu.getAsLong(), sum);
            if (timing.done()) {
                return timing.result();
            }
            if (!alive.getAsBoolean()) {
                throw new ReconcilerException(group + " stopped before it had processed " + topic
                        + " (" + sum + " of " + records + " records committed)");
            }
            if (System.nanoTime() > deadline) {
                throw new ReconcilerException(group + " did not process " + topic + " within " + timeout.toSeconds()
                        + " s (" + sum + " of " + records + " records committed)");
            }
            sleep(POLL);
        }
    }

    private static List<TopicPartition> partitions(String topic, int partitions) {
        return java.util.stream.IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReconcilerException("interrupted", e);
        }
    }

    static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReconcilerException("interrupted", e);
        } catch (ExecutionException e) {
            throw new ReconcilerException("Kafka admin call failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ReconcilerException("Kafka admin call got no answer within 30 s", e);
        }
    }
}
