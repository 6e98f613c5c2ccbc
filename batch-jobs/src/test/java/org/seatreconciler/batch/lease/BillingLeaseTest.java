package org.seatreconciler.batch.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The lease on H2 and on a real PostgreSQL: exclusive, renewed, taken over once expired, fenced. */
class BillingLeaseTest {

    private static EmbeddedPostgres postgres;

    static List<String> databases() {
        return List.of("h2", "postgresql");
    }

    private static DataSource database(String kind) throws IOException {
        DataSource dataSource;
        if (kind.equals("h2")) {
            dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        } else {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(new java.io.File("target/embedded-pg")).start();
            }
            String name = "lease_" + UUID.randomUUID().toString().replace("-", "");
            JdbcClient.create(postgres.getPostgresDatabase()).sql("CREATE DATABASE " + name).update();
            dataSource = postgres.getDatabase("postgres", name);
        }
        new ResourceDatabasePopulator(new ClassPathResource("seat-ledger-schema.sql")).execute(dataSource);
        return dataSource;
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void ofEightProcessesTryingAtTheSameMomentExactlyOneGetsTheLease(String kind) throws Exception {
        DataSource dataSource = database(kind);
        int contenders = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(contenders);
        List<Future<Object>> attempts = new ArrayList<>();
        try {
            for (int i = 0; i < contenders; i++) {
                BillingLease lease = new BillingLease(dataSource, Duration.ofMinutes(2), "p" + i);
                attempts.add(threads.submit((Callable<Object>) () -> {
                    start.await();
                    try {
                        return lease.acquire();
                    } catch (BillingLease.LeaseUnavailableException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> attempt : attempts) {
                outcomes.add(attempt.get());
            }
            assertThat(outcomes).filteredOn(o -> o instanceof BillingLease.Held).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof BillingLease.LeaseUnavailableException).hasSize(7);
            outcomes.stream().filter(o -> o instanceof BillingLease.Held).forEach(o -> ((BillingLease.Held) o).close());
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aLiveLeaseIsRenewedAndNeverTakenAnExpiredOneIsTakenOverAndTheLoserCannotWrite(String kind) throws Exception {
        DataSource dataSource = database(kind);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<Duration> periods = new ArrayList<>();
        List<Runnable> renewals = new ArrayList<>();
        // first's background renewals run when the test says so; expiry is the database's clock, so the test
        // lets a lease expire by moving its expires_at into the past
        BillingLease first = new BillingLease(dataSource, Duration.ofSeconds(1), "first", (period, renewal) -> {
            periods.add(period);
            renewals.add(renewal);
            return () -> { };
        }, BillingLease.ROW_WAIT);
        BillingLease second = new BillingLease(dataSource, Duration.ofSeconds(1), "second");

        try (BillingLease.Held held = first.acquire()) {
            assertThat(periods).containsExactly(Duration.ofMillis(250)); // a quarter of the expiry
            jdbc.sql("UPDATE billing_lease SET expires_at = 1").update(); // the expiry has passed ...
            renewals.get(0).run(); // ... and a renewal comes round: only the renewals keep it
            assertThatThrownBy(second::acquire).isInstanceOf(BillingLease.LeaseUnavailableException.class)
                    .hasMessageStartingWith("Another billing process (first) holds the billing lease for ");
            first.confirm();
        }
        // handed back: taken at once
        try (BillingLease.Held held = second.acquire()) {
            assertThat(jdbc.sql("SELECT holder FROM billing_lease").query(String.class).single()).isEqualTo("second");
        }

        // a holder that stopped renewing (killed): its lease is taken over once expired, and the old holder,
        // should it wake up, can no longer confirm it (its chunks roll back)
        BillingLease.Held stale = first.acquire();
        jdbc.sql("UPDATE billing_lease SET expires_at = 1").update();
        BillingLease.Held taken = second.acquire();
        assertThatThrownBy(first::confirm).isInstanceOf(BillingLease.LeaseLostException.class)
                .hasMessage("This process (first) lost the billing lease: another process took over the run after it "
                        + "was not renewed for PT1S (seats.billing.lease-expiry)");
        stale.close(); // does not hand back what it no longer holds
        assertThat(jdbc.sql("SELECT holder FROM billing_lease").query(String.class).single()).isEqualTo("second");
        second.confirm();
        taken.close();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRenewalNeverShortensTheLease(String kind) throws Exception {
        DataSource dataSource = database(kind);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<Runnable> renewals = new ArrayList<>();
        BillingLease lease = new BillingLease(dataSource, Duration.ofSeconds(1), "first", (period, renewal) -> {
            renewals.add(renewal);
            return () -> { };
        }, BillingLease.ROW_WAIT);

        try (BillingLease.Held held = lease.acquire()) {
            // as if a transaction had renewed it further while this renewal waited for the row
            jdbc.sql("UPDATE billing_lease SET expires_at = 9000000000000").update();
            renewals.get(0).run();
            lease.confirm();

            assertThat(jdbc.sql("SELECT expires_at FROM billing_lease").query(Long.class).single())
                    .isEqualTo(9_000_000_000_000L);
        }
    }

    /**
     * The files step holds the lease row longer than the expiry. A process that asks for the lease after the
     * expiry has passed waits for the row; when the step commits, it must find a live lease, not the expired
     * one the step started with (it would take the run over while this process finishes it). PostgreSQL only:
     * H2 gives up waiting for a row after a second instead.
     */
    @Test
    void workLongerThanTheExpiryCommitsALiveLeaseThatAWaitingProcessCannotTake() throws Exception {
        DataSource dataSource = database("postgresql");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        BillingLease first = new BillingLease(dataSource, Duration.ofSeconds(1), "first", (period, renewal) -> () -> { },
                BillingLease.ROW_WAIT);
        BillingLease second = new BillingLease(dataSource, Duration.ofSeconds(1), "second");
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (BillingLease.Held held = first.acquire()) {
            List<Future<Object>> takeover = new ArrayList<>();
            transaction.executeWithoutResult(status -> first.confirmedAround(() -> {
                sleep(Duration.ofMillis(1500)); // the lease confirmed at the start has expired ...
                takeover.add(other.submit((Callable<Object>) () -> {
                    try {
                        return second.acquire(); // ... and this waits for the row
                    } catch (BillingLease.LeaseUnavailableException e) {
                        return e;
                    }
                }));
                awaitALockWait(dataSource);
            }));

            assertThat(takeover.get(0).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(BillingLease.LeaseUnavailableException.class);
            assertThat(jdbc.sql("SELECT holder FROM billing_lease").query(String.class).single()).isEqualTo("first");
        } finally {
            other.shutdownNow();
        }
    }

    /**
     * A holder stuck in its files step: its transaction holds the lease row and never ends, and its lease has
     * expired (it renews nothing). The next process is refused after a bounded wait for the row, in one line
     * naming the holder, instead of waiting for as long as the row stays locked (on PostgreSQL: for ever).
     */
    @ParameterizedTest
    @MethodSource("databases")
    void aHolderStuckInATransactionOnTheLeaseRowIsRefusedInOneLineNotWaitedForEver(String kind) throws Exception {
        DataSource dataSource = database(kind);
        BillingLease first = new BillingLease(dataSource, Duration.ofSeconds(1), "first", (period, renewal) -> () -> { },
                BillingLease.ROW_WAIT);
        BillingLease second = new BillingLease(dataSource, Duration.ofSeconds(1), "second", (period, renewal) -> () -> { },
                Duration.ofSeconds(1));
        try (BillingLease.Held held = first.acquire(); java.sql.Connection stuck = dataSource.getConnection()) {
            // the renewals committed before the files step began have expired ...
            JdbcClient.create(dataSource).sql("UPDATE billing_lease SET expires_at = 1").update();
            stuck.setAutoCommit(false);
            try (java.sql.Statement statement = stuck.createStatement()) {
                // ... and the step's transaction, which renewed it, holds the row and does not end
                statement.executeUpdate("UPDATE billing_lease SET expires_at = 9000000000000");
            }
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                Future<Object> attempt = other.submit((Callable<Object>) second::acquire);
                assertThatThrownBy(() -> attempt.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(
                        BillingLease.LeaseUnavailableException.class).cause().hasMessage("Another billing process "
                        + "(first) holds the billing lease row in a transaction that did not end while this one waited "
                        + "(up to 1 s): it is writing a date's files, or it is stuck; this one bills nothing. A stuck "
                        + "process's transaction ends when it is stopped, and the next start after its lease expires "
                        + "takes its run over (seats.billing.lease-expiry, PT1S)");
                // a refusal, not a database failure: nothing in its causes for OutsideFailure to call one (exit 3)
                assertThatThrownBy(() -> attempt.get(30, TimeUnit.SECONDS)).cause().hasNoCause();
            } finally {
                other.shutdownNow();
            }
            stuck.rollback();
        }
    }

    /** Until a session of the database waits for a lock (from another connection: this one is in a transaction). */
    private static void awaitALockWait(DataSource dataSource) {
        JdbcClient separate = JdbcClient.create(new DriverManagerDataSource(postgresUrl(dataSource), "postgres", ""));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (separate.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND datname = current_database()").query(Long.class).single() == 0) {
            assertThat(System.nanoTime()).as("a session waiting for the lease row").isLessThan(deadline);
            sleep(Duration.ofMillis(20));
        }
    }

    private static String postgresUrl(DataSource dataSource) {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
