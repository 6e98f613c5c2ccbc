package org.seatreconciler.batch.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BatchApplication;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The production application as {@code main} runs it, in this JVM: what the operator sees when the job's
 * database cannot be reached, and what --preview does with a ledger an older version created (it runs no DDL,
 * so it reports the ledger instead of altering it).
 */
class StartFailureTest {

    private record Outcome(Optional<Integer> status, String stderr) {
        String firstLine() {
            return stderr.lines().findFirst().orElse("");
        }
    }

    @Test
    void aDatabaseWhereNothingListensIsOneLineNamingTheUrlWithoutItsPasswordAndExitStatusThree() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }

        Outcome outcome = run("--billing-date=2026-10-02",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/billing?user=billing&password=s3cret");

        assertThat(outcome.status()).contains(3);
        assertThat(outcome.firstLine()).isEqualTo("The job's database at jdbc:postgresql://127.0.0.1:" + port
                + "/billing?user=billing&password=*** failed: Connection to 127.0.0.1:" + port + " refused. Check that "
                + "the hostname and port are correct and that the postmaster is accepting TCP/IP connections.");
        assertThat(outcome.stderr()).doesNotContain("s3cret").doesNotContain("\tat ");
    }

    @Test
    void aPreviewOfALedgerAnOlderVersionCreatedReportsItAndAltersNothing() throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(new File("target/embedded-pg")).start()) {
            DataSource db = postgres.getPostgresDatabase();
            new ResourceDatabasePopulator(new ClassPathResource("old-seat-ledger-schema.sql"),
                    new ClassPathResource("org/springframework/batch/core/schema-postgresql.sql")).execute(db);
            List<String> columnsBefore = snapshotColumns(db);
            String url = postgres.getJdbcUrl("postgres", "postgres");

            Outcome outcome = run("--preview", "--billing-date=2026-10-02", "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=");

            assertThat(outcome.status()).contains(3);
            assertThat(outcome.stderr()).isEqualTo("The job's database at " + url + " has no columns required_seats, "
                    + "support_ratio, seat_basis, unit_price, currency in seat_snapshot (a new database, or one an older "
                    + "version created): --preview only reads and never creates or upgrades tables; bill once with this "
                    + "version first, which does" + System.lineSeparator());
            assertThat(snapshotColumns(db)).isEqualTo(columnsBefore).doesNotContain("required_seats");
            assertThat(JdbcClient.create(db).sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_name IN "
                    + "('billing_lease')").query(Long.class).single()).as("no CREATE TABLE either").isZero();
        }
    }

    private static List<String> snapshotColumns(DataSource db) {
        return JdbcClient.create(db).sql("SELECT column_name FROM information_schema.columns WHERE table_name = "
                + "'seat_snapshot' ORDER BY ordinal_position").query(String.class).list();
    }

    /** {@code main} without its System.exit, stderr captured; Kafka is never reached by these runs. */
    private static Outcome run(String... args) {
        String[] all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--seats.billing.out-dir=" + new File("target/start-failure-out").getAbsolutePath();
        all[args.length + 1] = "--spring.kafka.bootstrap-servers=127.0.0.1:9";
        all[args.length + 2] = "--seats.schema-registry-url=mock://start-failure";
        PrintStream err = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            return new Outcome(BatchApplication.run(all), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }
}
