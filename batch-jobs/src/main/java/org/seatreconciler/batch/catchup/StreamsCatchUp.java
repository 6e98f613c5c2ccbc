package org.seatreconciler.batch.catchup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that a Kafka Streams app (its consumer group) has processed everything that was on its input
 * topic when the check started. The end offsets (read_committed, as an exactly-once app reads) are
 * taken once, when the wait starts; the group has caught up when its committed offset on every
 * partition has reached them. Events that arrive during the wait are left for the next night: chasing
 * the moving end would rarely see a lag of exactly 0 while events keep coming. A group with no committed
 * offset on a partition lags by everything the partition held (nothing on an empty one). A missing
 * topic is an error, never "caught up".
 *
 * <p>Logs one line when the wait starts (with the lag), at most one progress line every
 * {@link #PROGRESS_INTERVAL} however often it polls, and one when the group has caught up.
 *
 * <p>Plain Kafka admin calls, no Spring: usable from any module. {@code new StreamsCatchUp(admin)
 * .await(groupId, topic, timeout, pollInterval)}.
 */
public class StreamsCatchUp {

    private static final Logger log = LoggerFactory.getLogger(StreamsCatchUp.class);
    private static final long ADMIN_TIMEOUT_SECONDS = 30;
    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(30);

    /** Waits between polls; a test hook. */
    interface Sleeper {
        void sleep(Duration interval) throws InterruptedException;
    }

    private final Admin admin;
    private final Clock clock;
    private final Sleeper sleeper;

    /**
     * The timeout is measured on the system clock, deliberately not on the job's (business) clock: a run
     * whose business clock is fixed, as tests fix it, would otherwise never time out.
     */
    public StreamsCatchUp(Admin admin) {
        this(admin, Clock.systemUTC(), interval -> Thread.sleep(interval.toMillis()));
    }

    /** A test hook: the test's {@code sleeper} advances its {@code clock} instead of waiting. */
    StreamsCatchUp(Admin admin, Clock clock, Sleeper sleeper) {
        this.admin = admin;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Waits until {@code groupId}'s committed offsets on {@code topic} reach the end offsets the topic had
     * when this call started, polling the committed offsets every {@code pollInterval}.
     *
     * @throws StreamsNotCaughtUpException after {@code timeout}, naming the partitions that lag and by how much
     * @throws MissingTopicException       when {@code topic} does not exist (never "caught up": a misnamed
     *                                     topic would otherwise let every night through)
     */
    public void await(String groupId, String topic, Duration timeout, Duration pollInterval) {
        Instant started = clock.instant();
        Instant deadline = started.plus(timeout);
        List<TopicPartition> partitions = partitions(topic);
        Map<TopicPartition, ListOffsetsResultInfo> targets = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, ListOffsetsResultInfo> earliest = offsets(partitions, OffsetSpec.earliest());
        Instant nextProgressLine = null;
        while (true) {
            List<PartitionLag> lagging = lag(groupId, partitions, targets, earliest).stream()
                    .filter(p -> p.lag() > 0).toList();
            Instant now = clock.instant();
            if (lagging.isEmpty()) {
                log.info("Streams application {} has caught up on {} after {} s (end offsets when the wait started)",
                        groupId, topic, Duration.between(started, now).toSeconds());
                return;
            }
            if (!now.isBefore(deadline)) {
                throw new StreamsNotCaughtUpException("Streams application '" + groupId + "' has not caught up on "
                        + topic + " after " + timeout + ": " + describe(lagging));
            }
            if (nextProgressLine == null) {
                log.info("Waiting for streams application {} to catch up on {} (lag {}): {}", groupId, topic,
                        lagging.stream().mapToLong(PartitionLag::lag).sum(), describe(lagging));
                nextProgressLine = now.plus(PROGRESS_INTERVAL);
            } else if (!now.isBefore(nextProgressLine)) {
                log.info("Still waiting for streams application {} to catch up on {} after {} s: {}", groupId, topic,
                        Duration.between(started, now).toSeconds(), describe(lagging));
                nextProgressLine = now.plus(PROGRESS_INTERVAL);
            }
            sleep(pollInterval);
        }
    }

    private static String describe(List<PartitionLag> lagging) {
        return lagging.stream().map(PartitionLag::describe).collect(Collectors.joining(", "));
    }

    /**
     * The group's lag on every partition of {@code topic} now (end offsets read now).
     *
     * @throws MissingTopicException when {@code topic} does not exist
     */
    public List<PartitionLag> lag(String groupId, String topic) {
        List<TopicPartition> partitions = partitions(topic);
        return lag(groupId, partitions, offsets(partitions, OffsetSpec.latest()),
                offsets(partitions, OffsetSpec.earliest()));
    }

    private List<PartitionLag> lag(String groupId, List<TopicPartition> partitions,
            Map<TopicPartition, ListOffsetsResultInfo> ends, Map<TopicPartition, ListOffsetsResultInfo> earliest) {
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata());
        List<PartitionLag> lags = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata commit = committed.get(tp);
            lags.add(new PartitionLag(tp.partition(), commit == null ? null : commit.offset(),
                    earliest.get(tp).offset(), ends.get(tp).offset()));
        }
        return lags;
    }

    private List<TopicPartition> partitions(String topic) {
        try {
            TopicDescription description = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
            return description.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        } catch (KafkaCallException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new MissingTopicException(topic);
            }
            throw e;
        }
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        // read_committed: the streams app (exactly-once) never reads past the last stable offset.
        return get(admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), tp -> spec)),
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all());
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new KafkaCallException(e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaCallException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaCallException(e);
        }
    }

    private void sleep(Duration interval) {
        try {
            sleeper.sleep(interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamsNotCaughtUpException("Interrupted while waiting for the streams app to catch up");
        }
    }

    /** An admin call to the Kafka cluster failed. */
    static class KafkaCallException extends RuntimeException {
        KafkaCallException(Throwable cause) {
            super("Kafka admin call failed (is Kafka reachable at spring.kafka.bootstrap-servers?): "
                    + (cause instanceof TimeoutException ? "no answer within " + ADMIN_TIMEOUT_SECONDS + " s" : cause),
                    cause);
        }
    }
}
