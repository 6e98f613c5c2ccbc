package org.seatreconciler.batch.catchup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** The catch-up check against a real KRaft broker; each test uses its own topic and group. */
class StreamsCatchUpTest {

    private static EmbeddedKafkaBroker broker;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 2).brokerProperties(Map.of(
                "offsets.topic.replication.factor", "1", "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.destroy();
    }

    @Test
    void aGroupWithNoOffsetsOnAnEmptyTopicHasCaughtUp() throws Exception {
        admin.createTopics(List.of(new NewTopic("empty-events", 2, (short) 1))).all().get();

        new StreamsCatchUp(admin).await("streams-a", "empty-events", Duration.ofSeconds(2), Duration.ofMillis(100));

        assertThat(new StreamsCatchUp(admin).lag("streams-a", "empty-events"))
                .containsExactly(new PartitionLag(0, null, 0, 0), new PartitionLag(1, null, 0, 0));
    }

    @Test
    void aLaggingGroupFailsAtTheTimeoutNamingEachPartitionAndItsLag() throws Exception {
        admin.createTopics(List.of(new NewTopic("events", 2, (short) 1))).all().get();
        publish("events", 0, 3);
        publish("events", 1, 2);
        commit("streams-b", new TopicPartition("events", 0), 1);
        SteppedClock clock = new SteppedClock();
        List<Duration> waits = new ArrayList<>();
        StreamsCatchUp catchUp = new StreamsCatchUp(admin, clock, interval -> {
            waits.add(interval);
            clock.advance(interval);
        });

        assertThatThrownBy(() -> catchUp.await("streams-b", "events", Duration.ofSeconds(1), Duration.ofMillis(200)))
                .isInstanceOf(StreamsNotCaughtUpException.class)
                .hasMessage("Streams application 'streams-b' has not caught up on events after PT1S: "
                        + "partition 0 lags by 2 (committed 1, end 3), partition 1 lags by 2 (no committed offset, end 2)");
        // polled at 0, 0.2, 0.4, 0.6, 0.8 s and gave up at the poll of 1 s, the timeout
        assertThat(waits).containsExactly(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(200),
                Duration.ofMillis(200), Duration.ofMillis(200));
        assertThat(clock.instant()).isEqualTo(SteppedClock.START.plusSeconds(1));

        commit("streams-b", new TopicPartition("events", 0), 3);
        commit("streams-b", new TopicPartition("events", 1), 2);
        waits.clear();
        catchUp.await("streams-b", "events", Duration.ofSeconds(1), Duration.ofMillis(200));
        assertThat(waits).isEmpty();
    }

    @Test
    void eventsArrivingDuringTheWaitAreNotWaitedFor() throws Exception {
        admin.createTopics(List.of(new NewTopic("busy-events", 2, (short) 1))).all().get();
        publish("busy-events", 0, 5);
        AtomicInteger polls = new AtomicInteger();
        // Between polls, HR events keep arriving on both partitions; on the second poll the streams app
        // has committed what was there when the wait started (5 on partition 0), never the moving end.
        SteppedClock clock = new SteppedClock();
        StreamsCatchUp catchUp = new StreamsCatchUp(admin, clock, interval -> {
            clock.advance(interval);
            publish("busy-events", 0, 1);
            publish("busy-events", 1, 1);
            if (polls.incrementAndGet() == 2) {
                commit("streams-d", new TopicPartition("busy-events", 0), 5);
            }
        });

        catchUp.await("streams-d", "busy-events", Duration.ofSeconds(10), Duration.ofMillis(50));

        assertThat(polls.get()).isEqualTo(2);
        assertThat(catchUp.lag("streams-d", "busy-events"))
                .containsExactly(new PartitionLag(0, 5L, 0, 7), new PartitionLag(1, null, 0, 2));
    }

    @Test
    void theWaitLogsItsStartAProgressLineEveryThirtySecondsAndTheEndNotEveryPoll() throws Exception {
        admin.createTopics(List.of(new NewTopic("slow-events", 1, (short) 1))).all().get();
        publish("slow-events", 0, 4);
        SteppedClock clock = new SteppedClock();
        AtomicInteger polls = new AtomicInteger();
        // polled every 10 s: the streams app commits 2 of the 4 events after 40 s and the rest after 70 s
        StreamsCatchUp catchUp = new StreamsCatchUp(admin, clock, interval -> {
            clock.advance(interval);
            switch (polls.incrementAndGet()) {
                case 4 -> commit("streams-e", new TopicPartition("slow-events", 0), 2);
                case 7 -> commit("streams-e", new TopicPartition("slow-events", 0), 4);
                default -> { }
            }
        });
        Logger logger = (Logger) LoggerFactory.getLogger(StreamsCatchUp.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            catchUp.await("streams-e", "slow-events", Duration.ofMinutes(5), Duration.ofSeconds(10));
        } finally {
            logger.detachAppender(logged);
        }

        assertThat(logged.list).extracting(e -> e.getLevel() + " " + e.getFormattedMessage()).containsExactly(
                "INFO Waiting for streams application streams-e to catch up on slow-events (lag 4): "
                        + "partition 0 lags by 4 (no committed offset, end 4)",
                "INFO Still waiting for streams application streams-e to catch up on slow-events after 30 s: "
                        + "partition 0 lags by 4 (no committed offset, end 4)",
                "INFO Still waiting for streams application streams-e to catch up on slow-events after 60 s: "
                        + "partition 0 lags by 2 (committed 2, end 4)",
                "INFO Streams application streams-e has caught up on slow-events after 70 s (end offsets when the "
                        + "wait started)");
        assertThat(polls.get()).isEqualTo(7);
    }

    @Test
    void aMissingTopicIsAnErrorNotCaughtUp() {
        assertThatThrownBy(() -> new StreamsCatchUp(admin).await("streams-c", "no-such-topic", Duration.ofSeconds(1),
                Duration.ofMillis(100)))
                .isInstanceOf(MissingTopicException.class)
                .hasMessage("Topic no-such-topic does not exist");
        assertThatThrownBy(() -> new StreamsCatchUp(admin).lag("streams-c", "no-such-topic"))
                .isInstanceOf(MissingTopicException.class);
        assertThat(new MissingTopicException("hr.membership-events").withSetting("seats.topics.membership-events"))
                .hasMessage("Topic hr.membership-events does not exist (setting seats.topics.membership-events, env "
                        + "SEATS_TOPICS_MEMBERSHIPEVENTS)");
    }

    private static void publish(String topic, int partition, int count) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, "org-" + i, "event-" + i));
            }
            producer.flush();
        }
    }

    private static void commit(String group, TopicPartition partition, long offset) {
        try {
            admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(offset))).all().get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock that moves only when the test's sleeper advances it. */
    private static final class SteppedClock extends Clock {

        static final Instant START = Instant.parse("2026-10-03T02:00:00Z");
        private Instant now = START;

        void advance(Duration interval) {
            now = now.plus(interval);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
