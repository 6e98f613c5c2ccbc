package org.seatreconciler.batch.lease;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one lease on a ledger that lets a process bill (DESIGN.md section 6): a row in the job's database
 * holding who bills and until when. A run renews it while it works (a thread every quarter of the expiry,
 * and every chunk in the chunk's transaction); the next start takes over a run whose lease expired (its
 * process was killed) and never one whose lease is live, so two processes never bill at once.
 *
 * <p>Taking the lease is one UPDATE whose WHERE says "free, expired or mine": the database runs it
 * atomically on the row (PostgreSQL and H2 lock the row and re-check the condition after a concurrent
 * update commits), so of two processes that try at the same moment exactly one gets the row. Times are the
 * database's clock, the one clock every billing host shares.
 */
public class BillingLease {

    public static final String NAME = "nightly-billing";
    public static final String EXPIRY_SETTING = "seats.billing.lease-expiry";

    private static final Logger log = LoggerFactory.getLogger(BillingLease.class);

    /** Runs {@code renewal} every {@code period} until the returned action stops it; a test hook. */
    interface Renewals {
        Runnable every(Duration period, Runnable renewal);
    }

    /**
     * How long taking the lease waits for its row. A transaction of the holder holds the row while it commits a
     * chunk (milliseconds) or writes a date's files (seconds; 10 s at a million organisations on PostgreSQL); one
     * that never ends is a holder stuck in its files step. Waiting longer than this would not change the outcome,
     * since a holder's transaction renews the lease before it commits.
     */
    static final Duration ROW_WAIT = Duration.ofSeconds(15);

    private final JdbcClient jdbc;
    /** {@link #jdbc}, but a statement waits at most {@link #rowWait} for the lease row (H2: its lock timeout, 1 s). */
    private final JdbcClient taking;
    private final Duration rowWait;
    private final Duration expiry;
    private final String holder;
    private volatile boolean held;
    private volatile boolean lost;
    private final Renewals renewals;
    private Runnable stopRenewing;
    private final ReentrantLock fence = new ReentrantLock();

    public BillingLease(DataSource dataSource, Duration expiry) {
        this(dataSource, expiry, defaultHolder());
    }

    BillingLease(DataSource dataSource, Duration expiry, String holder) {
        this(dataSource, expiry, holder, BillingLease::onThread, ROW_WAIT);
    }

    BillingLease(DataSource dataSource, Duration expiry, String holder, Renewals renewals, Duration rowWait) {
        if (expiry.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(EXPIRY_SETTING + " must be at least 1s, got " + expiry);
        }
        this.jdbc = JdbcClient.create(dataSource);
        this.rowWait = Duration.ofSeconds(Math.max(1, rowWait.toSeconds())); // JDBC's timeout is in seconds
        JdbcTemplate bounded = new JdbcTemplate(dataSource);
        bounded.setQueryTimeout((int) this.rowWait.toSeconds());
        this.taking = JdbcClient.create(bounded);
        this.expiry = expiry;
        this.holder = holder;
        this.renewals = renewals;
    }

    /** {@code host/pid/random}: names this process in the lease row and in messages. */
    static String defaultHolder() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String holder() {
        return holder;
    }

    /**
     * Takes the lease and renews it in the background until {@link Held#close()}.
     *
     * @throws LeaseUnavailableException when another process holds a live lease
     */
    public synchronized Held acquire() {
        createRowIfAbsent();
        Instant now = databaseNow();
        int taken;
        try {
            taken = taking.sql("UPDATE billing_lease SET holder = :holder, expires_at = :until WHERE name = :name"
                    + " AND (holder = :holder OR expires_at < :now)")
                    .param("holder", holder).param("until", now.plus(expiry).toEpochMilli()).param("name", NAME)
                    .param("now", now.toEpochMilli()).update();
        } catch (QueryTimeoutException | PessimisticLockingFailureException e) {
            // a refusal, not a database failure: the driver's exception is not its cause, which the exit status
            // and its line would be taken from (OutsideFailure follows causes)
            log.debug("Waited for the billing lease row in vain", e);
            throw new LeaseUnavailableException(describeLockedRow());
        }
        if (taken == 0) {
            throw new LeaseUnavailableException(describeOwner(now));
        }
        held = true;
        lost = false;
        startRenewing();
        return new Held();
    }

    /**
     * Renews the lease inside the caller's transaction and fails if this process no longer holds it: a
     * chunk's transaction calls it, so a process that lost its lease (paused longer than the expiry) can
     * never commit billing rows after another process took over. The row stays locked until that
     * transaction ends, so a takeover waits for the chunk to commit or roll back.
     *
     * @throws LeaseLostException when another process holds the lease now
     */
    public void confirm() {
        confirm(databaseNow().plus(expiry));
    }

    private void confirm(Instant until) {
        holdFenceUntilCommit();
        if (lost || renew(until) == 0) {
            lost = true;
            throw new LeaseLostException("This process (" + holder + ") lost the billing lease: another process took "
                    + "over the run after it was not renewed for " + expiry + " (" + EXPIRY_SETTING + ")");
        }
    }

    /**
     * Runs {@code work} in the caller's transaction holding the lease row ({@link #confirm} before it), and
     * renews the lease again when it is done, so that the transaction commits a lease as fresh as the work's end.
     * Work longer than the expiry (the files of a large night) would otherwise commit an already expired
     * lease, and a process whose takeover waited for the row would take the run over at once, while this one
     * is still finishing it. Call it first in the transaction: the end's expiry counts from the transaction's
     * start.
     */
    public void confirmedAround(Runnable work) {
        Instant start = databaseNow();
        long started = System.nanoTime();
        confirm(start.plus(expiry));
        work.run();
        // inside one transaction the database's clock stays at the transaction's start (PostgreSQL's
        // CURRENT_TIMESTAMP): the work's duration, on this JVM's monotonic clock, is added to it
        confirm(start.plus(Duration.ofNanos(System.nanoTime() - started)).plus(expiry));
    }

    /**
     * The partitions of the billing step commit their chunks on threads of one process: without this, one
     * chunk's transaction would wait inside the database for another's lock on the lease row (H2 gives up after
     * a second). Here they wait in the JVM instead, each holding the lease row only from its confirmation to its
     * commit.
     */
    private void holdFenceUntilCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (fence.isHeldByCurrentThread()) {
                    fence.unlock();
                }
            }
        });
        fence.lock();
    }

    /**
     * Never moves the expiry back: a background renewal that waited for the row (locked by a transaction that
     * renewed it meanwhile) carries the expiry it computed before waiting.
     */
    private int renew(Instant until) {
        return jdbc.sql("UPDATE billing_lease SET expires_at = CASE WHEN expires_at > :until THEN expires_at"
                + " ELSE :until END WHERE name = :name AND holder = :holder")
                .param("until", until.toEpochMilli()).param("name", NAME)
                .param("holder", holder).update();
    }

    private void createRowIfAbsent() {
        try {
            jdbc.sql("INSERT INTO billing_lease (name, holder, expires_at) SELECT CAST(:name AS VARCHAR(64)), '', 0"
                    + " WHERE NOT EXISTS (SELECT 1 FROM billing_lease WHERE name = :name)").param("name", NAME).update();
        } catch (DuplicateKeyException e) {
            // another process created it at the same moment: the row exists, which is all we need
        }
    }

    private Instant databaseNow() {
        return jdbc.sql("SELECT CURRENT_TIMESTAMP").query(OffsetDateTime.class).single().toInstant();
    }

    private String describeOwner(Instant now) {
        return jdbc.sql("SELECT holder, expires_at FROM billing_lease WHERE name = :name").param("name", NAME)
                .query((rs, i) -> "Another billing process (" + rs.getString(1) + ") holds the billing lease for "
                        + Duration.ofMillis(Math.max(0, rs.getLong(2) - now.toEpochMilli())).toSeconds()
                        + " s more; two processes never bill at once, so this one bills nothing. If that process was "
                        + "killed, the next start after its lease expires takes its run over (" + EXPIRY_SETTING + ", "
                        + expiry + ")")
                .single();
    }

    private String describeLockedRow() {
        // the row's last committed version: reading it waits for no lock
        return jdbc.sql("SELECT holder FROM billing_lease WHERE name = :name").param("name", NAME)
                .query((rs, i) -> "Another billing process (" + rs.getString(1) + ") holds the billing lease row in a "
                        + "transaction that did not end while this one waited (up to " + rowWait.toSeconds() + " s): it "
                        + "is writing a date's files, or it is stuck; this one bills nothing. A stuck process's "
                        + "transaction ends when it is stopped, and the next start after its lease expires takes its "
                        + "run over (" + EXPIRY_SETTING + ", " + expiry + ")")
                .single();
    }

    private void startRenewing() {
        stopRenewing = renewals.every(Duration.ofMillis(Math.max(expiry.toMillis() / 4, 100)), this::renewInBackground);
    }

    private static Runnable onThread(Duration period, Runnable renewal) {
        ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "billing-lease-renewer");
            thread.setDaemon(true);
            return thread;
        });
        renewer.scheduleAtFixedRate(renewal, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return renewer::shutdownNow;
    }

    private void renewInBackground() {
        if (!held || lost) {
            return;
        }
        try {
            if (renew(databaseNow().plus(expiry)) == 0) {
                lost = true;
                log.error("Lost the billing lease: another process took over after this one ({}) did not renew it "
                        + "for {}; this run stops at its next chunk", holder, expiry);
            }
        } catch (DataAccessException e) {
            // e.g. the row is locked by a chunk being committed, or the database is briefly away: next time
            log.debug("Could not renew the billing lease now: {}", e.getMessage());
        }
    }

    /** The lease while this process holds it; closing it hands the lease back at once. */
    public final class Held implements AutoCloseable {

        private Held() {
        }

        @Override
        public void close() {
            synchronized (BillingLease.this) {
                held = false;
                stopRenewing.run();
                try {
                    jdbc.sql("UPDATE billing_lease SET expires_at = 0 WHERE name = :name AND holder = :holder")
                            .param("name", NAME).param("holder", holder).update();
                } catch (DataAccessException e) {
                    log.warn("Could not hand back the billing lease (it expires by itself in {}): {}", expiry,
                            e.getMessage());
                }
            }
        }
    }

    /** Another process holds a live lease. */
    public static class LeaseUnavailableException extends RuntimeException {
        LeaseUnavailableException(String message) {
            super(message);
        }
    }

    /** This process held the lease and another took it over. */
    public static class LeaseLostException extends RuntimeException {
        LeaseLostException(String message) {
            super(message);
        }
    }
}
