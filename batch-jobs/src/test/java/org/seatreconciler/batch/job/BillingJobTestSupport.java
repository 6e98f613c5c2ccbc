package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.seatreconciler.batch.billing.OrgBilling;
import org.seatreconciler.batch.billing.SeatFigures;
import org.seatreconciler.batch.ledger.LedgerRepository;
import org.seatreconciler.batch.ledger.NotBilled;
import org.seatreconciler.batch.ledger.OrgCursor;
import org.seatreconciler.batch.ledger.SeatSnapshot;
import org.seatreconciler.batch.preview.BillingPreview;
import org.seatreconciler.batch.reports.DateReport;
import org.seatreconciler.batch.reports.DateReports;
import org.seatreconciler.schemas.events.Identifiers;
import org.springframework.transaction.PlatformTransactionManager;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.seatreconciler.avro.OrgPlan;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.batch.BatchApplication;
import org.seatreconciler.batch.BillingRun;
import org.seatreconciler.batch.NightlyBilling;
import org.seatreconciler.batch.config.BillingJobConfiguration;
import org.seatreconciler.batch.files.BillingFiles;
import org.seatreconciler.schemas.Topics;
import org.seatreconciler.schemas.serde.ConfluentAvroSerde;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The job against a real in-process KRaft broker (one per test class) and the in-memory registry:
 * publishes the seats.org-daily records the streams app produces for the worked example, and
 * compares the files with the expected bytes.
 */
@SpringBootTest(classes = BatchApplication.class, properties = {
        "spring.config.name=" + BatchApplication.CONFIG_NAMES,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "seats.schema-registry-url=" + BillingJobTestSupport.REGISTRY,
        "spring.datasource.url=jdbc:h2:mem:${random.uuid};DB_CLOSE_DELAY=-1",
        "seats.billing.run-on-startup=false",
        "seats.billing.catch-up-timeout=5s",
        "seats.billing.catch-up-poll-interval=100ms",
        "seats.billing.read-timeout=30s" })
@EmbeddedKafka(partitions = 3, topics = { Topics.ORG_DAILY, Topics.ORG_PLANS, Topics.MEMBERSHIP_EVENTS,
        Topics.REJECTED },
        brokerProperties = { "offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1" })
@DirtiesContext
abstract class BillingJobTestSupport {

    static final String REGISTRY = "mock://batch-job-tests";
    static final LocalDate SEP_30 = LocalDate.of(2026, 9, 30);
    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final LocalDate OCT_2 = LocalDate.of(2026, 10, 2);
    static final List<String> CSV_FILES = List.of("invoices.csv", "seat-counts.csv", "reconciliation.csv",
            "review.csv");
    /** Every file of a billed date, in the manifest's order. */
    static final List<String> FILES = List.of("invoices.csv", "seat-counts.csv", "reconciliation.csv", "review.csv",
            "summary.json");

    @Autowired
    NightlyBilling billing;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    BillingFiles files;
    @Autowired
    LedgerRepository ledgerRepository;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    DateReports dateReports;
    @Autowired
    BillingPreview preview;
    @Autowired
    JobRepository jobRepository;

    @DynamicPropertySource
    static void outDir(DynamicPropertyRegistry registry) {
        registry.add("seats.billing.out-dir", () -> {
            try {
                // under target/, so test runs do not leave folders in the system's temp folder
                return Files.createDirectories(Path.of("target", "billing-out", UUID.randomUUID().toString()))
                        .toAbsolutePath().toString();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** What a process killed while billing {@code date} leaves in the job's database: its execution STARTED. */
    JobExecution killedRun(LocalDate date, LocalDateTime startedAt) throws Exception {
        JobParameters parameters = new JobParametersBuilder()
                .addLocalDate(BillingJobConfiguration.BILLING_DATE, date, true).toJobParameters();
        JobInstance instance = jobRepository.createJobInstance(BillingJobConfiguration.JOB_NAME, parameters);
        JobExecution killed = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        killed.setStatus(BatchStatus.STARTED);
        killed.setStartTime(startedAt);
        jobRepository.update(killed);
        return killed;
    }

    /** Bills {@code date} (after any date before it not billed yet) and returns the run of {@code date}. */
    BillingRun bill(LocalDate date) {
        List<BillingRun> runs = billing.bill(date);
        assertThat(runs.get(runs.size() - 1).billingDate()).isEqualTo(date);
        return runs.get(runs.size() - 1);
    }

    /** What the streams app writes to seats.org-daily for the worked example (see its seat-counts.csv). */
    void publishWorkedExampleDays() {
        publishDays(List.of(
                day("clinic-a", SEP_30, 10, 16, 1, 1, 10, 16, 26, 10, 26),
                day("clinic-b", SEP_30, 3, 1, 1, 1, 4, 0, 4, 4, 4),
                day("solo-c", SEP_30, 1, 2, 1, 1, 1, 2, 3, 1, 3),
                day("clinic-a", OCT_2, 11, 16, 3, 1, 13, 14, 27, 13, 28)));
    }

    void publishWorkedExamplePlans() {
        publishPlans(Map.of("clinic-b", "ENTERPRISE", "solo-c", "STARTER"));
    }

    static OrgSeatDay day(String orgId, LocalDate day, int standard, int support, int admins, int owners, int b,
            int p, int t, int peakB, int peakT) {
        return OrgSeatDay.newBuilder().setOrgId(orgId).setDay(day).setStandard(standard).setSupport(support)
                .setAdmins(admins).setOwners(owners).setBillableStandard(b).setSupportOnly(p).setTotalMembers(t)
                .setPeakBillableStandard(peakB).setPeakTotalMembers(peakT)
                .setLastChangedAt(day.atTime(18, 0).toInstant(java.time.ZoneOffset.UTC)).build();
    }

    /** Published in a transaction, as the exactly-once streams app does (commit markers take offsets). */
    void publishDays(List<OrgSeatDay> days) {
        publishDays(Topics.ORG_DAILY, days);
    }

    void publishDays(String topic, List<OrgSeatDay> days) {
        Map<String, Object> config = producerConfig();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-daily-" + UUID.randomUUID());
        try (KafkaProducer<String, OrgSeatDay> producer = new KafkaProducer<>(config, new StringSerializer(),
                ConfluentAvroSerde.forValues(OrgSeatDay.class, REGISTRY).serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (OrgSeatDay day : days) {
                producer.send(new ProducerRecord<>(topic, Topics.dailyKey(day.getOrgId(), day.getDay()), day));
            }
            producer.commitTransaction();
        }
    }

    void publishPlans(Map<String, String> plans) {
        publishPlans(Topics.ORG_PLANS, plans);
    }

    void publishPlans(String topic, Map<String, String> plans) {
        try (KafkaProducer<String, OrgPlan> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                ConfluentAvroSerde.forValues(OrgPlan.class, REGISTRY).serializer())) {
            plans.forEach((org, plan) -> producer.send(new ProducerRecord<>(topic, org,
                    OrgPlan.newBuilder().setOrgId(org).setPlan(plan).build())));
            producer.flush();
        }
    }

    /** {@code value} as it is, bytes that need not decode; where it landed. */
    RecordMetadata publishRaw(String topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    static void assertFilesAreTheWorkedExample(Path folder, LocalDate date) throws IOException {
        for (String name : CSV_FILES) {
            assertThat(new String(Files.readAllBytes(folder.resolve(name)), StandardCharsets.UTF_8))
                    .as(date + " " + name)
                    .isEqualTo(new String(expected(date, name), StandardCharsets.UTF_8));
            assertThat(Files.readAllBytes(folder.resolve(name))).isEqualTo(expected(date, name));
        }
        assertManifestMatches(folder);
    }

    static byte[] expected(LocalDate date, String name) throws IOException {
        try (InputStream in = BillingJobTestSupport.class.getResourceAsStream("/worked-example/" + date + "/" + name)) {
            assertThat(in).as("expected file " + date + "/" + name).isNotNull();
            return in.readAllBytes();
        }
    }

    static void assertManifestMatches(Path folder) throws IOException {
        StringBuilder expected = new StringBuilder();
        for (String name : FILES) {
            expected.append(sha256(Files.readAllBytes(folder.resolve(name)))).append("  ").append(name).append('\n');
        }
        assertThat(Files.readString(folder.resolve("manifest.sha256"))).isEqualTo(expected.toString());
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("invoices.csv", "seat-counts.csv", "reconciliation.csv", "review.csv",
                            "summary.json", "manifest.sha256");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The ledger's cursors, read in pages of 3 rows (a page ends inside most dates, some inside an organisation's
     * lines), give the rows of {@code dates} one query gives.
     */
    void assertPagedReadsMatchTheLedger(LocalDate... dates) {
        LedgerRepository paged = new LedgerRepository(dataSource, transactionManager, 3);
        for (LocalDate date : dates) {
            assertThat(paged.streaming(() -> all(paged.snapshotCursor(date)))).as("snapshots of " + date)
                    .isEqualTo(ledgerRepository.snapshots(date)).isNotEmpty();
            assertThat(paged.streaming(() -> all(paged.lineCursor(date)))).as("lines of " + date)
                    .isEqualTo(ledgerRepository.lines(date)).isNotEmpty();
        }
    }

    /**
     * What an explanation reads of one organisation ({@link DateReports#of(LocalDate, String)}: its rows by key) is
     * what the whole date gives for it, for every organisation the date or the one before names: its rows of the
     * files, its reasons not billed, what it bought and renewed before, the snapshot carried forward to it.
     */
    void assertOneOrganisationReadsMatchTheWholeDate(LocalDate... dates) {
        for (LocalDate date : dates) {
            List<SeatSnapshot> carried = ledgerRepository.latestSnapshotsBefore(date);
            Set<String> orgs = assertEachOrganisationAloneIsItsPart(dateReports.of(ledgerRepository.billedDate(date),
                    ledgerRepository), org -> dateReports.of(date, org), carried.stream().map(SeatSnapshot::orgId));
            for (String org : orgs) {
                assertThat(ledgerRepository.history(org).latestSnapshotsBefore(date)).as(org + " on " + date)
                        .isEqualTo(carried.stream().filter(s -> s.orgId().equals(org)).toList());
            }
        }
    }

    /**
     * For every organisation of {@code whole} (and of {@code more}, and one it does not know), {@code alone} gives
     * that organisation's part of it: its rows of the files, its reasons not billed, what the dates before hold for
     * it. @return the organisations checked
     */
    static Set<String> assertEachOrganisationAloneIsItsPart(DateReport whole, Function<String, DateReport> alone,
            java.util.stream.Stream<String> more) {
        Set<String> orgs = new TreeSet<>();
        whole.organisations().forEach(o -> orgs.add(o.org().orgId()));
        whole.notBilled().forEach(n -> orgs.add(n.orgId()));
        more.forEach(orgs::add);
        orgs.add("nobody-" + whole.date());
        for (String org : orgs) {
            String as = org + " on " + whole.date();
            DateReport one = alone.apply(org);
            assertThat(one.organisations()).as(as)
                    .isEqualTo(whole.organisations().stream().filter(o -> o.org().orgId().equals(org)).toList());
            assertThat(one.notBilled()).as(as).isEqualTo(whole.notBilled().stream()
                    .filter(n -> n.orgId().equals(org) || n.orgId().equals(Identifiers.shown(org))).toList());
            assertThat(one.prior().previousDate()).as(as).isEqualTo(whole.prior().previousDate());
            assertThat(one.prior().of(org)).as(as).isEqualTo(whole.prior().of(org));
        }
        return orgs;
    }

    /**
     * The preview of {@code date}, a date with nothing to compute before it, is rendered as it is computed; its files
     * are those of the computation in memory, byte for byte, and an explanation of each of its organisations computes
     * that organisation's part of it alone. @return the preview's folder
     */
    Path assertRenderedAsComputedIsComputed(LocalDate date) throws Exception {
        assertThat(preview.rendersAsComputed(date, date)).as(date.toString()).isTrue();
        Path folder = preview.preview(date, date).get(0).folder();
        Map<String, String> rendered = strings(contents(folder));
        DateReport computed = preview.compute(date, date).reports().get(0);
        files.previews().write(computed);
        assertThat(strings(contents(folder))).as(date.toString()).isEqualTo(rendered)
                .containsKeys(CSV_FILES.toArray(String[]::new));
        // and an explanation of one organisation of it computes that organisation alone
        assertEachOrganisationAloneIsItsPart(computed, org -> preview.computedFor(org, date),
                java.util.stream.Stream.of());
        return folder;
    }

    static Map<String, String> strings(Map<String, byte[]> files) {
        Map<String, String> strings = new java.util.TreeMap<>();
        files.forEach((name, bytes) -> strings.put(name, new String(bytes, StandardCharsets.UTF_8)));
        return strings;
    }

    /**
     * The ledger's SQL of review finding M4 (DESIGN.md section 6), on the dates from {@code first}: "ghost-g", billed
     * on the first date and not billed without a snapshot on the next two, is carried forward from the third on
     * its first date's snapshot, merged in org_id order with the third's own, also when read two rows a page.
     */
    void assertCarriedForwardPastNightsNotBilled(LocalDate first) {
        SeatFigures figures = new SeatFigures(5, 1, 1, 1, 5, 1, 6, 9, 10);
        ledgerRepository.record(List.of(billed(first, "ghost-g", figures), billed(first, "zeta-z", figures)));
        for (LocalDate date : List.of(first.plusDays(1), first.plusDays(2))) {
            ledgerRepository.record(List.of(billed(date, "anchor-a", figures), billed(date, "zeta-z", figures)));
            ledgerRepository.recordNotBilled(date, List.of(new NotBilled("ghost-g", "the ledger refused its rows"),
                    new NotBilled("never-n", "the ledger refused its rows")));
        }
        List<String> expected = List.of(first.plusDays(2) + " anchor-a", first + " ghost-g",
                first.plusDays(2) + " zeta-z");
        assertThat(ledgerRepository.latestSnapshotsBefore(first.plusDays(3)))
                .extracting(s -> s.billingDate() + " " + s.orgId()).isEqualTo(expected);
        LedgerRepository paged = new LedgerRepository(dataSource, transactionManager, 2);
        assertThat(paged.streaming(() -> all(paged.carriedForwardCursor(first.plusDays(2)))))
                .extracting(s -> s.billingDate() + " " + s.orgId()).isEqualTo(expected);
    }

    private static OrgBilling billed(LocalDate date, String org, SeatFigures figures) {
        return new OrgBilling(date, org, figures, "GROUP", null, Optional.empty(), null, true);
    }

    private static <T> List<T> all(OrgCursor<T> cursor) {
        List<T> rows = new ArrayList<>();
        for (String org = cursor.peekOrg(); org != null; org = cursor.peekOrg()) {
            rows.addAll(cursor.take(org));
        }
        cursor.close();
        return rows;
    }

    /** invoice_id of every ledger row, in key order. */
    List<String> ledger() {
        return JdbcClient.create(dataSource).sql("SELECT invoice_id FROM seat_ledger ORDER BY billing_date, org_id")
                .query(String.class).list();
    }

    static Map<String, byte[]> contents(Path folder) throws IOException {
        Map<String, byte[]> contents = new HashMap<>();
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                contents.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return contents;
    }

    static Instant modified(Path file) throws IOException {
        return Files.getLastModifiedTime(file).toInstant();
    }
}
