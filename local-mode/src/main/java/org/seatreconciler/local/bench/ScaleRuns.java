package org.seatreconciler.local.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.MembershipEventType;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.batch.launch.OutsideFailure;
import org.seatreconciler.local.ReconcilerException;
import org.seatreconciler.local.cli.Command;
import org.seatreconciler.local.pipeline.LocalSettings;
import org.seatreconciler.schemas.Topics;
import org.seatreconciler.schemas.serde.ConfluentAvroSerializer;
import org.seatreconciler.schemas.settings.SeatsSettings;

/**
 * The long memory runs, each with a production jar in its own JVM limited to {@value #HEAP}: the streams
 * app replaying a history that makes N members active, and the nightly job billing N organisations
 * for one date. Heap figures come from the child's GC log, resident memory from {@code /proc}.
 */
final class ScaleRuns {

    static final String HEAP = "-Xmx512m";
    /** Members per organisation in the streams memory run. */
    static final int MEMBERS_PER_ORG = 100;

    private final BenchBroker bench;
    private final Command.Jars jars;
    private final AppTuning tuning;
    private final PrintStream console;

    ScaleRuns(BenchBroker bench, Command.Jars jars, AppTuning tuning, PrintStream console) {
        this.bench = bench;
        this.jars = jars;
        this.tuning = tuning;
        this.console = console;
    }

    StreamsMemory streams(long members, int partitions, int threads) {
        int orgs = (int) Math.max(1, members / MEMBERS_PER_ORG);
        SeatsSettings.TopicSettings topics = bench.seatTopics("mem.", partitions);
        console.println(String.format(Locale.ROOT, "Memory: publishing %,d MEMBER_ADDED events for %,d organisations ...",
                members, orgs));
        Instant at = Instant.now().minus(Duration.ofDays(1));
        publish(topics.membershipEvents(), members, i -> {
            int org = (int) (i % orgs);
            long member = i / orgs;
            return MembershipEvent.newBuilder().setEventId("mem-" + i).setType(MembershipEventType.MEMBER_ADDED)
                    .setOrgId(String.format("mem-%07d", org)).setMemberId("m" + member)
                    .setRole(member % 3 == 0 ? MemberRole.STANDARD : MemberRole.SUPPORT).setAdmin(member == 0)
                    .setOwner(member == 0).setOccurredAt(at.plusMillis(i / 1000)).build();
        }, r -> ((MembershipEvent) r).getOrgId());

        console.println("  the streams app's jar (" + HEAP + ") replaying them ...");
        String group = "mem.bench-jar";
        LocalSettings settings = bench.streamsSettings(topics, group, bench.httpRegistryUrl());
        Map<String, Object> properties = BenchBroker.with(settings.springProperties(), tuning.springProperties(threads));
        properties.put("seats.topics.create", "false");
        Path gcLog = bench.scratch(group + "-gc.log");
        Duration timeout = Duration.ofSeconds(Math.max(600, members / 1_000));
        long start = System.nanoTime();
        long startCpu = CpuTime.thisJvm();
        try (ChildJvm app = ChildJvm.start(jvmOptions(gcLog), jars.streams().orElseThrow(),
                BenchBroker.arguments(properties), bench.scratch(group), bench.scratch(group + ".log"))) {
            ReplayTiming.Replay replay = app.explainingFailure(() -> new LagWatch(bench.admin())
                    .await(group, topics.membershipEvents(), partitions, start, startCpu, CpuTime.withChild(app.pid()), () -> -1,
                            timeout, app::alive));
            ProcStatus beforeGc = ProcStatus.of(app.pid()).orElse(new ProcStatus(0, 0));
            fullGc(app.pid());
            ProcStatus proc = ProcStatus.of(app.pid()).orElse(beforeGc);
            return new StreamsMemory(members, orgs, replay, GcLog.parse(lines(gcLog)), proc);
        }
    }

    NightMemory night(long orgs, Optional<String> ledger, int partitions, LocalDate day) {
        SeatsSettings.TopicSettings topics = bench.seatTopics("night.", partitions);
        console.println(String.format(Locale.ROOT, "Night: publishing %,d organisations' daily records for %s ...", orgs, day));
        Instant at = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(3600);
        publish(topics.orgDaily(), orgs, i -> {
            int standard = (int) (1 + i % 17);
            int support = (int) (i % 23);
            return OrgSeatDay.newBuilder().setOrgId(String.format("night-%07d", i)).setDay(day).setStandard(standard)
                    .setSupport(support).setAdmins(1).setOwners(1).setBillableStandard(standard).setSupportOnly(support)
                    .setTotalMembers(standard + support).setPeakBillableStandard(standard)
                    .setPeakTotalMembers(standard + support).setLastChangedAt(at).setBillingZone("UTC").build();
        }, r -> Topics.dailyKey(((OrgSeatDay) r).getOrgId(), day));

        console.println("  the nightly job's jar (" + HEAP + ") billing " + day + " ...");
        ledger.ifPresent(url -> console.println("  its ledger and job repository: " + OutsideFailure.masked(url)));
        String name = "night.bench-job";
        Path out = bench.scratch(name).resolve("out");
        LocalSettings settings = bench.streamsSettings(topics, "night.bench-no-streams-app", bench.httpRegistryUrl());
        List<String> arguments = BenchBroker.arguments(BenchBroker.with(settings.springProperties(), Map.of(
                "spring.datasource.url", ledger.orElse("jdbc:h2:file:" + bench.scratch(name).resolve("billing-db")),
                "seats.billing.out-dir", out.toString())));
        Duration limit = Duration.ofSeconds(Math.max(600, orgs / 500));
        JobRun night = runJob(name, arguments, List.of("--billing-date=" + day), limit);
        // what finance asks of that ledger next, in the same heap
        String org = String.format("night-%07d", orgs / 2);
        console.println("  then --explain " + org + " and --preview of " + day + " (" + HEAP + ") ...");
        JobRun explain = runJob(name + "-explain", arguments, List.of("--explain=" + org, "--billing-date=" + day), limit);
        JobRun preview = runJob(name + "-preview", arguments, List.of("--preview", "--billing-date=" + day), limit);
        return new NightMemory(orgs, night, stepTimes(night.log()), invoiceLines(out.resolve(day.toString())), org,
                explain, preview);
    }

    /**
     * The nightly job's jar with {@code arguments} and {@code more}, to its exit: a job that fails (e.g. out of
     * memory) is this run's result, not the bench's failure.
     */
    private JobRun runJob(String name, List<String> arguments, List<String> more, Duration limit) {
        Path gcLog = bench.scratch(name + "-gc.log");
        Path log = bench.scratch(name + ".log");
        List<String> all = new ArrayList<>(arguments);
        all.addAll(more);
        long start = System.nanoTime();
        try (ChildJvm job = ChildJvm.start(jvmOptions(gcLog), jars.batch().orElseThrow(), all, bench.scratch(name),
                log)) {
            long peakRss = 0;
            OptionalInt exit = OptionalInt.empty();
            long deadline = start + limit.toNanos();
            while (exit.isEmpty() && System.nanoTime() < deadline) {
                peakRss = Math.max(peakRss, ProcStatus.of(job.pid()).map(ProcStatus::peakRssMb).orElse(0L));
                exit = job.waitFor(Duration.ofMillis(500));
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            if (exit.isEmpty()) {
                job.explainingFailure(() -> {
                    throw new ReconcilerException("the nightly job's jar (" + String.join(" ", more)
                            + ") did not finish within " + wall.toSeconds() + " s");
                });
            }
            return new JobRun(wall, exit.getAsInt(), job.firstError(), job.log(), GcLog.parse(lines(gcLog)), peakRss);
        }
    }

    /** {@code --jvm-opts}, then the run's own: the last -Xmx wins, so a memory run is the 512 MB its lines say. */
    private List<String> jvmOptions(Path gcLog) {
        List<String> options = new ArrayList<>(jars.jvmOptions());
        options.add(HEAP);
        options.add("-Xlog:gc:file=" + gcLog);
        return options;
    }

    private <T extends SpecificRecord> void publish(String topic, long count, java.util.function.LongFunction<T> record,
                                                   java.util.function.Function<T, String> key) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bench.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, ProducerCeiling.PATIENT_REQUEST_MS,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ProducerCeiling.PATIENT_DELIVERY_MS,
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, T> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ConfluentAvroSerializer<>(bench.registry(), false))) {
            for (long i = 0; i < count && failure.get() == null; i++) {
                T value = record.apply(i);
                producer.send(new ProducerRecord<>(topic, key.apply(value), value), (m, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new ReconcilerException("publishing to " + topic + " failed: " + failure.get().getMessage(), failure.get());
        }
    }

    /** Asks the JVM for a full collection, so the GC log's last figure is the live heap. */
    private static void fullGc(long pid) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            jcmd.waitFor();
            LagWatch.sleep(Duration.ofSeconds(1));
        } catch (IOException e) {
            // no jcmd (a JRE): the last collection's figure stands
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Spring Batch's own "Step: [...] executed in ..." lines: the billing without the JVM's start. */
    private static List<String> stepTimes(Path log) {
        return lines(log).stream().filter(l -> l.contains("executed in"))
                .map(l -> l.substring(l.indexOf("Step:") >= 0 ? l.indexOf("Step:") : 0).trim()).toList();
    }

    private static long invoiceLines(Path dateDir) {
        Path invoices = dateDir.resolve("invoices.csv");
        return Files.exists(invoices) ? Math.max(0, lines(invoices).size() - 1) : -1;
    }

    /** @param proc resident memory after the run and a full collection */
    record StreamsMemory(long members, int orgs, ReplayTiming.Replay replay, GcLog gc, ProcStatus proc) {
    }

    /**
     * @param night   the job billing the date (exit 0 billed, 1 failed)
     * @param steps   Spring Batch's own step timings of that run
     * @param explain {@code --explain explainedOrg} of the date, on the night's ledger
     * @param preview {@code --preview} of the date, on the night's ledger
     */
    record NightMemory(long orgs, JobRun night, List<String> steps, long invoiceLines, String explainedOrg,
                       JobRun explain, JobRun preview) {
    }

    /**
     * One run of the nightly job's jar.
     *
     * @param wall       from process start to exit
     * @param exitStatus the job's (0 done)
     * @param firstError the first ERROR line of its log and the exception under it, if any
     */
    record JobRun(Duration wall, int exitStatus, Optional<String> firstError, Path log, GcLog gc, long peakRssMb) {
    }
}
