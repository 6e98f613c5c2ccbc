package org.seatreconciler.local.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.MembershipEventType;
import org.seatreconciler.avro.OrgSeatCounts;
import org.seatreconciler.local.ReconcilerException;
import org.seatreconciler.local.cli.Command;
import org.seatreconciler.local.pipeline.DefaultComponents;
import org.seatreconciler.local.pipeline.StreamsRuntime;
import org.seatreconciler.schemas.serde.ConfluentAvroDeserializer;
import org.seatreconciler.schemas.serde.ConfluentAvroSerializer;
import org.seatreconciler.schemas.settings.SeatsSettings;

/**
 * Latency at a fixed input rate: events are sent at the given rate (a plain idempotent producer, acks=all,
 * Kafka's default batching) while a read_committed consumer reads {@code seats.org-counts}; an event's
 * latency is from just before its send until the first count record that shows it arrives
 * ({@link LatencyRecorder}). The streams app runs in this JVM, with the given settings over its own.
 */
final class LatencyRun {

    private static final String WARM_UP_ORG = "lat-warm-up";
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final BenchBroker bench;
    private final int orgs;
    private final AppTuning tuning;
    private final PrintStream console;

    LatencyRun(BenchBroker bench, int orgs, AppTuning tuning, PrintStream console) {
        this.bench = bench;
        this.orgs = orgs;
        this.tuning = tuning;
        this.console = console;
    }

    /** @param commitInterval the commit interval to set, or empty for the run's own (the app's, or --streams-props) */
    LatencyResult measure(Command.Latency load, int partitions, int threads, Optional<Duration> commitInterval) {
        Duration interval = commitInterval.orElse(tuning.commitInterval());
        String label = "lat" + interval.toMillis() + ".";
        int events = (int) Math.min(Integer.MAX_VALUE - 1L, (long) load.eventsPerSecond() * load.duration().toSeconds());
        console.println(String.format(Locale.ROOT, "Latency, commit.interval.ms=%d%s: %,d events/s for %d s ...",
                interval.toMillis(), commitInterval.isEmpty() ? " (the run's own)" : "", load.eventsPerSecond(),
                load.duration().toSeconds()));
        SeatsSettings.TopicSettings topics = bench.seatTopics(label, partitions);
        Map<String, Object> overrides = new HashMap<>(tuning.springProperties(threads));
        commitInterval.ifPresent(c -> overrides.put(StreamsAppDefaults.COMMIT_INTERVAL, c.toMillis()));
        LatencyLoad generator = new LatencyLoad(orgs, Instant.now().minus(Duration.ofHours(1)));
        LatencyRecorder recorder = new LatencyRecorder(orgs, events);
        AtomicBoolean warm = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        try (StreamsRuntime app = DefaultComponents.streamsWith(overrides)
                .start(bench.streamsSettings(topics, label + "bench-topology", bench.registryUrl()));
             KafkaProducer<String, MembershipEvent> producer = producer()) {
            Thread reader = new Thread(() -> read(topics.orgCounts(), partitions, generator, recorder, warm, stop),
                    "latency-reader");
            reader.start();
            try {
                warmUp(producer, topics.membershipEvents(), warm);
                long start = System.nanoTime();
                long intervalNanos = TimeUnit.SECONDS.toNanos(1) / load.eventsPerSecond();
                for (int i = 0; i < events; i++) {
                    long due = start + i * intervalNanos;
                    long now;
                    while ((now = System.nanoTime()) < due) {
                        LockSupport.parkNanos(due - now);
                    }
                    MembershipEvent event = generator.event(i);
                    recorder.sent(i, System.nanoTime());
                    producer.send(new ProducerRecord<>(topics.membershipEvents(), event.getOrgId(), event));
                }
                producer.flush();
                double achieved = Rates.perSecond(events, Duration.ofNanos(System.nanoTime() - start));
                long drainEnd = System.nanoTime() + DRAIN.toNanos();
                while (!recorder.allSeen(events) && System.nanoTime() < drainEnd) {
                    LagWatch.sleep(Duration.ofMillis(100));
                }
                stop.set(true);
                reader.join(TimeUnit.SECONDS.toMillis(30));
                return new LatencyResult(interval, load.eventsPerSecond(), load.duration(), achieved,
                        recorder.summary(events));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReconcilerException("interrupted", e);
            } finally {
                stop.set(true);
            }
        }
    }

    private void warmUp(KafkaProducer<String, MembershipEvent> producer, String topic, AtomicBoolean warm) {
        // the app has joined its group and processes once the warm-up event's count record is out
        producer.send(new ProducerRecord<>(topic, WARM_UP_ORG, MembershipEvent.newBuilder().setEventId("warm-up")
                .setType(MembershipEventType.MEMBER_ADDED).setOrgId(WARM_UP_ORG).setMemberId("m")
                .setRole(MemberRole.STANDARD).setAdmin(false).setOwner(false)
                .setOccurredAt(Instant.now().minus(Duration.ofHours(2))).build()));
        producer.flush();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!warm.get()) {
            if (System.nanoTime() > deadline) {
                throw new ReconcilerException("the streams app did not publish a count within 2 minutes of its start");
            }
            LagWatch.sleep(Duration.ofMillis(50));
        }
    }

    private void read(String topic, int partitions, LatencyLoad generator, LatencyRecorder recorder, AtomicBoolean warm,
                      AtomicBoolean stop) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bench.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // a dashboard's consumer with Kafka's defaults would wait up to 500 ms for a fetch to fill;
                // capped, so the figure is the app's latency rather than the measuring consumer's
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, OrgSeatCounts> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ConfluentAvroDeserializer<>(OrgSeatCounts.class, bench.registry()))) {
            List<TopicPartition> assigned = java.util.stream.IntStream.range(0, partitions)
                    .mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            while (!stop.get()) {
                for (ConsumerRecord<String, OrgSeatCounts> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    if (WARM_UP_ORG.equals(record.key())) {
                        warm.set(true);
                    } else if (record.value() != null) {
                        recorder.seen(generator.eventAt(record.value().getLastChangedAt()), now);
                    }
                }
            }
        }
    }

    private KafkaProducer<String, MembershipEvent> producer() {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bench.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "bench-latency",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, ProducerCeiling.PATIENT_REQUEST_MS,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ProducerCeiling.PATIENT_DELIVERY_MS);
        return new KafkaProducer<>(config, new StringSerializer(), new ConfluentAvroSerializer<>(bench.registry(), false));
    }

    /**
     * @param commitInterval the app's commit interval in this run
     * @param achievedRate   the rate the events were actually sent at (below the target if sending fell behind)
     */
    record LatencyResult(Duration commitInterval, int targetRate, Duration duration, double achievedRate,
                         LatencyRecorder.Summary latency) {
    }
}
