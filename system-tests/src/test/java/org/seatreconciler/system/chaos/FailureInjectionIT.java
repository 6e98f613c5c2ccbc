package org.seatreconciler.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.OrgSeatCounts;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.avro.RejectedEvent;
import org.seatreconciler.schemas.registry.RestSchemaRegistryClient;
import org.seatreconciler.schemas.registry.SchemaRegistryClient;
import org.seatreconciler.schemas.serde.ConfluentAvroDeserializer;
import org.seatreconciler.schemas.serde.ConfluentAvroSerializer;
import org.seatreconciler.schemas.settings.SeatsSettings;
import org.seatreconciler.schemas.settings.TopicLayout;
import org.seatreconciler.schemas.support.TopicSnapshot;
import org.seatreconciler.system.support.Java;
import org.seatreconciler.system.support.KafkaBrokerProcess;
import org.seatreconciler.system.support.RegistryServer;

/**
 * The failure-injection suite of issue 8: the streams app's production jar and a KRaft broker, each an OS
 * process, process a generated history with redeliveries and every kind of hostile record while the test
 * SIGKILLs the app at random moments (sometimes wiping its state folder), SIGKILLs and restarts the broker,
 * and takes the schema registry away for a while. At the end {@code seats.org-counts},
 * {@code seats.org-daily} (latest per key, read_committed) and the rejected topic must equal a recount the
 * test makes from the input itself ({@link Recount}), organisation by organisation, day by day, rejection
 * by rejection; no source offset may be rejected twice; the app must never have exited on its own or been
 * in ERROR. It prints what it did and what it found.
 *
 * <p>Short form (in {@code ./mvnw -B verify}): 24 organisations, about 3,400 records, 3 app kills (1 with
 * its state wiped, 1 followed by a registry outage), 1 broker bounce. Long form: {@code -Dchaos.form=long}
 * (see the README): 60 organisations, about 21,000 records, 12 kills (4 wiped, 2 followed by an outage),
 * 3 bounces.
 * {@code -Dchaos.seed=N} replays a history and a schedule.
 */
class FailureInjectionIT {

    private static final String APP_ID = "seat-reconciler-streams";
    private static final SeatsSettings.TopicSettings TOPICS = SeatsSettings.TopicSettings.defaults().withLayout(3, 3, (short) 1);

    /**
     * @param gap the time the input of one slice takes to publish; the history is published in one slice
     *            per action plus one, and each action falls at a random moment while its slice is published
     */
    private record Form(String name, int orgs, int eventsPerOrg, int kills, int wipes, int bounces, int outages,
                        Duration gap) {
    }
    private static final Form SHORT = new Form("short", 24, 120, 3, 1, 1, 1, Duration.ofSeconds(8));
    private static final Form LONG = new Form("long", 60, 300, 12, 4, 3, 2, Duration.ofSeconds(12));

    private enum Action { KILL, KILL_AND_WIPE, BOUNCE_BROKER, KILL_THEN_REGISTRY_OUTAGE }

    private final Form form = "long".equals(System.getProperty("chaos.form")) ? LONG : SHORT;
    private final long seed = Long.getLong("chaos.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final List<String> log = new ArrayList<>();
    private final long started = System.nanoTime();

    @Test
    void theOutputsEqualARecountOfTheInputWhateverWasKilled() throws Exception {
        // Avro keeps milliseconds: the recount must see the times the app sees
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Path dir = Java.path("work.dir").resolve("chaos-" + System.currentTimeMillis());
        try (RegistryServer registry = new RegistryServer();
             KafkaBrokerProcess broker = KafkaBrokerProcess.start(dir.resolve("broker"))) {
            createTopics(broker.bootstrapServers());
            SchemaRegistryClient registryClient = new RestSchemaRegistryClient(registry.url(), Duration.ofSeconds(10));
            History history = History.generate(seed, form.orgs(), form.eventsPerOrg(), now,
                    new ConfluentAvroSerializer<>(registryClient, false), History.register(registry),
                    TOPICS.membershipEvents());
            try (StreamsAppProcess app = new StreamsAppProcess(dir.resolve("app"), broker.bootstrapServers(),
                    registry.url(), List.of(
                            "--seats.topics.create=false",
                            "--spring.kafka.streams.application-id=" + APP_ID,
                            // fail-over settings: a killed member leaves the group within 6 s, not 45 s
                            "--spring.kafka.streams.properties.session.timeout.ms=6000",
                            "--spring.kafka.streams.properties.heartbeat.interval.ms=1500",
                            "--spring.kafka.streams.properties.commit.interval.ms=500"))) {
                app.start();
                try (HealthWatch watch = new HealthWatch(app)) {
                    awaitRunning(app, Duration.ofSeconds(120));
                    Publisher publisher = new Publisher(broker.bootstrapServers(), history.records);
                    publisher.start();
                    Counts done = inflictChaos(app, broker, registry, watch, publisher);
                    publisher.release(history.records.size(), form.gap());
                    publisher.join(Duration.ofMinutes(5));
                    assertThat(publisher.failure.get()).as("publishing failed").isNull();
                    assertThat(app.isAlive()).as("the app is alive at the end: %s", app.process().tail(30)).isTrue();
                    Duration catchUp = awaitCaughtUp(broker.bootstrapServers(), Duration.ofMinutes(4));
                    awaitRunning(app, Duration.ofSeconds(120));
                    watch.close();
                    compare(broker.bootstrapServers(), registryClient, history, now, done, watch, registry, app,
                            catchUp);
                }
            }
        }
    }

    /** Runs the schedule of kills, bounces and outages at random moments while the publisher works. */
    private Counts inflictChaos(StreamsAppProcess app, KafkaBrokerProcess broker, RegistryServer registry,
                                HealthWatch watch, Publisher publisher) throws InterruptedException {
        List<Action> plan = new ArrayList<>();
        for (int i = 0; i < form.kills() - form.wipes() - form.outages(); i++) {
            plan.add(Action.KILL);
        }
        for (int i = 0; i < form.wipes(); i++) {
            plan.add(Action.KILL_AND_WIPE);
        }
        for (int i = 0; i < form.outages(); i++) {
            plan.add(Action.KILL_THEN_REGISTRY_OUTAGE);
        }
        for (int i = 0; i < form.bounces(); i++) {
            plan.add(Action.BOUNCE_BROKER);
        }
        Collections.shuffle(plan, random);
        long gapMillis = form.gap().toMillis();
        int records = publisher.records.size();
        Counts counts = new Counts();
        for (int slice = 0; slice < plan.size(); slice++) {
            Action action = plan.get(slice);
            publisher.release((long) records * (slice + 1) / (plan.size() + 1), form.gap());
            Thread.sleep(gapMillis / 4 + (long) (random.nextDouble() * gapMillis * 0.6));
            switch (action) {
                case KILL, KILL_AND_WIPE, KILL_THEN_REGISTRY_OUTAGE -> {
                    boolean wipe = action == Action.KILL_AND_WIPE;
                    boolean outage = action == Action.KILL_THEN_REGISTRY_OUTAGE;
                    long refusedBefore = registry.refusedCalls();
                    if (outage) {
                        // from before the start on: the new process's schema caches are empty, it must call
                        registry.refuseWith(503);
                    }
                    watch.killing();
                    app.kill();
                    counts.kills++;
                    if (wipe) {
                        app.wipeState();
                        counts.wipes++;
                    }
                    Thread.sleep(random.nextInt(2000));
                    app.start();
                    watch.started();
                    note("%s: app SIGKILLed%s and started again", elapsed(), wipe ? ", state folder wiped," : "");
                    if (outage) {
                        long outageStart = System.nanoTime();
                        long deadline = outageStart + Duration.ofSeconds(90).toNanos();
                        // at least 10 s, and until the app has been refused twice (it retries every 5 s)
                        while (System.nanoTime() < deadline && (registry.refusedCalls() < refusedBefore + 2
                                || System.nanoTime() - outageStart < Duration.ofSeconds(10).toNanos())) {
                            Thread.sleep(200);
                        }
                        registry.answerAgain();
                        counts.outages++;
                        note("%s: schema registry answered 503 for %.0f s (%d calls refused)", elapsed(),
                                (System.nanoTime() - outageStart) / 1e9, registry.refusedCalls() - refusedBefore);
                    }
                }
                case BOUNCE_BROKER -> {
                    broker.kill();
                    Thread.sleep(1000 + random.nextInt(3000));
                    broker.restart();
                    counts.bounces++;
                    note("%s: broker SIGKILLed and restarted", elapsed());
                }
            }
        }
        return counts;
    }

    private void compare(String bootstrap, SchemaRegistryClient registry, History history, Instant now, Counts done,
                         HealthWatch watch, RegistryServer registryServer, StreamsAppProcess app, Duration catchUp) {
        List<Recount.Input> input = readAll(bootstrap, TOPICS.membershipEvents()).stream()
                .map(r -> new Recount.Input(r.partition(), r.offset(), r.key(), r.value())).toList();
        Recount expected = Recount.of(input, history.events, history.notEvents, now);

        Map<String, OrgSeatCounts> counts = latest(bootstrap, TOPICS.orgCounts(), OrgSeatCounts.class, registry);
        Map<String, OrgSeatDay> daily = latest(bootstrap, TOPICS.orgDaily(), OrgSeatDay.class, registry);
        ConfluentAvroDeserializer<RejectedEvent> rejectedValues = new ConfluentAvroDeserializer<>(RejectedEvent.class, registry);
        List<RejectedEvent> rejectedRecords = readAll(bootstrap, TOPICS.rejected()).stream()
                .map(r -> rejectedValues.deserialize(r.topic(), r.value())).toList();

        List<String> mismatches = new ArrayList<>();
        compareMaps("seats.org-counts", expected.counts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> describe(e.getValue()))), counts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> describe(e.getValue()))), mismatches);
        compareMaps("seats.org-daily", expected.daily.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> describe(e.getValue()))), daily.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> describe(e.getValue()))), mismatches);
        Map<String, String> rejected = new TreeMap<>();
        List<String> twice = new ArrayList<>();
        for (RejectedEvent r : rejectedRecords) {
            String source = r.getSourcePartition() + "@" + r.getSourceOffset();
            if (rejected.put(source, r.getReason()) != null) {
                twice.add(source);
            }
            if (!r.getSourceTopic().equals(TOPICS.membershipEvents())) {
                mismatches.add("rejected " + source + " names source topic " + r.getSourceTopic());
            }
        }
        compareMaps("hr.membership-events.rejected", expected.rejections, rejected, mismatches);
        Map<String, Long> byReason = new TreeMap<>(rejected.values().stream()
                .collect(Collectors.groupingBy(r -> r, Collectors.counting())));
        Map<String, Long> expectedByReason = new TreeMap<>(expected.rejections.values().stream()
                .collect(Collectors.groupingBy(r -> r, Collectors.counting())));

        String report = String.join("\n", List.of(
                "=== Failure-injection suite, " + form.name() + " form, seed " + seed
                        + " (replay: -Dchaos.seed=" + seed + ") ===",
                String.format(Locale.ROOT, "history: %,d records on %s: %,d events of %d organisations, %,d redeliveries, "
                                + "%,d hostile records of %d kinds", history.records.size(), TOPICS.membershipEvents(),
                        history.records.size() - history.redeliveries - history.hostileByKind.values().stream()
                                .mapToInt(Integer::intValue).sum(), form.orgs(), history.redeliveries,
                        history.hostileByKind.values().stream().mapToInt(Integer::intValue).sum(),
                        history.hostileByKind.size()),
                "hostile kinds: " + history.hostileByKind,
                String.join("\n", log),
                String.format(Locale.ROOT, "did: app SIGKILLs: %d (%d with its state folder wiped); broker SIGKILLs and "
                                + "restarts: %d; registry outages: %d (%,d calls answered 503); app starts: %d",
                        done.kills, done.wipes, done.bounces, done.outages, registryServer.refusedCalls(), app.starts()),
                String.format(Locale.ROOT, "app: stream thread replaced %d times after a failure, %d times after a "
                                + "registry outage; %s; caught up %.1f s after the last record; problems: %s",
                        app.logLines("Stream thread failed; replacing it"),
                        app.logLines("Schema registry unavailable"), watch.summary(),
                        catchUp.toMillis() / 1000.0, watch.problems().isEmpty() ? "none" : watch.problems()),
                String.format(Locale.ROOT, "compared: %,d organisations on seats.org-counts, %,d organisation-days on "
                                + "seats.org-daily, %,d rejections on hr.membership-events.rejected %s (recount: %,d applied, "
                                + "%,d duplicates ignored, rejections %s)", counts.size(), daily.size(), rejected.size(),
                        byReason, expected.applied, expected.duplicates, expectedByReason),
                String.format(Locale.ROOT, "found: %d mismatches, %d source offsets rejected twice%s", mismatches.size(),
                        twice.size(), mismatches.isEmpty() ? "" : "; first: " + mismatches.subList(0,
                                Math.min(20, mismatches.size()))),
                String.format(Locale.ROOT, "took %.0f s", (System.nanoTime() - started) / 1e9)));
        System.out.println(report);

        assertThat(mismatches).as(report).isEmpty();
        assertThat(twice).as("source offsets rejected twice").isEmpty();
        assertThat(watch.problems()).as("the app exited on its own or was in ERROR").isEmpty();
        assertThat(watch.longestStart()).as("a start stayed down").isLessThan(Duration.ofMinutes(3));
        assertThat(watch.longestDrop()).as("a running app stayed down").isLessThan(Duration.ofMinutes(3));
        assertThat(done.kills).isEqualTo(form.kills());
        assertThat(done.bounces).isEqualTo(form.bounces());
        assertThat(registryServer.refusedCalls()).as("the outage reached the app").isPositive();
        assertThat(expectedByReason).containsOnlyKeys("MALFORMED", "FUTURE_TIMESTAMP", "SELF_ROLE_CHANGE",
                "UNAUTHORIZED_ROLE_CHANGE");
        assertThat(expected.duplicates).isPositive();
    }

    private static void compareMaps(String topic, Map<String, String> expected, Map<String, String> actual,
                                    List<String> mismatches) {
        for (String key : new java.util.TreeSet<>(expected.keySet())) {
            if (!expected.get(key).equals(actual.get(key))) {
                mismatches.add(topic + " " + printable(key) + ": expected " + expected.get(key) + ", got " + actual.get(key));
            }
        }
        for (String key : new java.util.TreeSet<>(actual.keySet())) {
            if (!expected.containsKey(key)) {
                mismatches.add(topic + " " + printable(key) + ": not expected, got " + actual.get(key));
            }
        }
    }

    private static String printable(String key) {
        return key.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? key : key.chars()
                .mapToObj(c -> c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c))
                .collect(Collectors.joining());
    }

    private static String describe(Recount.Counts c) {
        return describe(c.figures()) + " at " + c.lastChangedAt();
    }

    private static String describe(Recount.Day d) {
        return d.day() + " close " + describe(d.close()) + " peaks " + d.peakBillable() + "/" + d.peakTotal() + " at "
                + d.lastChangedAt() + " UTC";
    }

    private static String describe(Recount.Figures f) {
        return f.standard() + "," + f.support() + "," + f.admins() + "," + f.owners() + "," + f.billable() + ","
                + f.supportOnly() + "," + f.total();
    }

    private static String describe(OrgSeatCounts c) {
        return c.getStandard() + "," + c.getSupport() + "," + c.getAdmins() + "," + c.getOwners() + ","
                + c.getBillableStandard() + "," + c.getSupportOnly() + "," + c.getTotalMembers() + " at "
                + c.getLastChangedAt();
    }

    private static String describe(OrgSeatDay d) {
        return d.getDay() + " close " + d.getStandard() + "," + d.getSupport() + "," + d.getAdmins() + "," + d.getOwners()
                + "," + d.getBillableStandard() + "," + d.getSupportOnly() + "," + d.getTotalMembers() + " peaks "
                + d.getPeakBillableStandard() + "/" + d.getPeakTotalMembers() + " at " + d.getLastChangedAt() + " "
                + d.getBillingZone();
    }

    private static <T extends SpecificRecord> Map<String, T> latest(String bootstrap, String topic, Class<T> type,
                                                                   SchemaRegistryClient registry) {
        ConfluentAvroDeserializer<T> values = new ConfluentAvroDeserializer<>(type, registry);
        Map<String, T> latest = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : readAll(bootstrap, topic)) {
            latest.put(r.key(), values.deserialize(topic, r.value()));
        }
        return latest;
    }

    private static void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(TopicLayout.of(TOPICS)).all().get(60, TimeUnit.SECONDS);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic) {
        return TopicSnapshot.read(bootstrap, topic, new StringDeserializer(), new ByteArrayDeserializer(),
                Duration.ofSeconds(120));
    }

    private static void awaitRunning(StreamsAppProcess app, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!"RUNNING".equals(app.streamsState())) {
            if (System.nanoTime() > deadline || !app.isAlive()) {
                throw new AssertionError("The app is not RUNNING within " + timeout + ": " + app.process().tail(40));
            }
            Thread.sleep(250);
        }
    }

    /** Waits until the app's consumer group has committed the input topic's end offsets. */
    private static Duration awaitCaughtUp(String bootstrap, Duration timeout) throws Exception {
        long start = System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < TOPICS.inputPartitions(); p++) {
                partitions.add(new TopicPartition(TOPICS.membershipEvents(), p));
            }
            Map<TopicPartition, Long> ends = new TreeMap<>(java.util.Comparator.comparingInt(TopicPartition::partition));
            admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get(60, TimeUnit.SECONDS).forEach((p, info) -> ends.put(p, info.offset()));
            while (true) {
                Map<TopicPartition, Long> committed = new TreeMap<>(java.util.Comparator.comparingInt(TopicPartition::partition));
                try {
                    Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(APP_ID,
                            new ListConsumerGroupOffsetsOptions().requireStable(true)).partitionsToOffsetAndMetadata()
                            .get(30, TimeUnit.SECONDS);
                    offsets.forEach((p, o) -> {
                        if (o != null && p.topic().equals(TOPICS.membershipEvents())) {
                            committed.put(p, o.offset());
                        }
                    });
                } catch (ExecutionException unstable) {
                    // an open transaction holds offsets not committed yet: ask again
                }
                if (committed.equals(ends)) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
                if (System.nanoTime() - start > timeout.toNanos()) {
                    throw new AssertionError("The app did not catch up within " + timeout + ": committed " + committed
                            + ", end offsets " + ends);
                }
                Thread.sleep(500);
            }
        }
    }

    private void note(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        log.add(line);
    }

    private String elapsed() {
        return String.format(Locale.ROOT, "%6.1f s", (System.nanoTime() - started) / 1e9);
    }

    private static final class Counts {
        int kills;
        int wipes;
        int bounces;
        int outages;
    }

    /**
     * Publishes the history in its order, slice by slice as the schedule releases it, each slice spread over
     * the given time, with an idempotent producer that rides out broker restarts.
     */
    private static final class Publisher {
        private final Thread thread;
        private final List<History.Planned> records;
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private long released;
        private long nanosPerRecord;

        Publisher(String bootstrap, List<History.Planned> records) {
            this.records = records;
            thread = new Thread(() -> publish(bootstrap), "publisher");
        }

        void start() {
            thread.start();
        }

        /** Lets the records up to {@code upTo} go out, spread over {@code over}. */
        synchronized void release(long upTo, Duration over) {
            nanosPerRecord = over.toNanos() / Math.max(1, upTo - released);
            released = Math.max(released, upTo);
            notifyAll();
        }

        private synchronized long awaitReleased(int next) throws InterruptedException {
            while (next >= released) {
                wait();
            }
            return nanosPerRecord;
        }

        void join(Duration timeout) throws InterruptedException {
            thread.join(timeout.toMillis());
            assertThat(thread.isAlive()).as("publisher still running").isFalse();
        }

        private void publish(String bootstrap) {
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000,
                    ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < records.size(); i++) {
                    long pause = awaitReleased(i);
                    History.Planned planned = records.get(i);
                    producer.send(new ProducerRecord<>(TOPICS.membershipEvents(), planned.key(), planned.value()),
                            (metadata, error) -> {
                                if (error != null) {
                                    failure.compareAndSet(null, error);
                                }
                            });
                    Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
                }
                producer.flush();
            } catch (Exception e) {
                failure.compareAndSet(null, e);
            }
        }
    }
}
