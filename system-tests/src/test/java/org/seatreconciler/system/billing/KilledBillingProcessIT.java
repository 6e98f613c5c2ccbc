package org.seatreconciler.system.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seatreconciler.system.billing.BillingWorld.SEP_30;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seatreconciler.system.support.ChildProcess;

/**
 * A billing process SIGKILLed in the middle of its billing step, on a PostgreSQL ledger: a start while its
 * lease is live refuses and exits non-zero; the first start after the lease expired takes the run over with no
 * flag and finishes it; ledger rows and files are then exactly those of an uninterrupted run of the same input.
 */
class KilledBillingProcessIT {

    private static final int ORGANISATIONS = 3000;
    /** Long enough for a JVM to start on a busy 2-core machine while the killed run's lease is still live. */
    private static final String LEASE_EXPIRY = "--seats.billing.lease-expiry=40s";

    @Test
    void aRunKilledMidStepIsTakenOverAfterItsLeaseExpiresAndEndsAsAnUninterruptedRun() throws Exception {
        try (BillingWorld world = new BillingWorld("killed-billing")) {
            world.publishDays(SEP_30, ORGANISATIONS);
            String referenceDb = world.createDatabase("reference");
            String killedDb = world.createDatabase("killed");
            Path referenceOut = world.dir().resolve("reference-out");
            Path killedOut = world.dir().resolve("killed-out");

            // the uninterrupted run on a ledger of its own, beside the one that will be killed; small chunks
            // there, so that its billing step is many commits long and the kill lands between two of them
            long snapshotsAtKill;
            try (ChildProcess reference = world.startJob("reference", referenceDb, referenceOut);
                    ChildProcess victim = world.startJob("victim", killedDb, killedOut, LEASE_EXPIRY,
                            "--seats.billing.chunk-size=5")) {
                String rows = "SELECT COUNT(*) FROM seat_snapshot";
                long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                while (BillingWorld.count(killedDb, rows) < 200) {
                    assertThat(victim.isAlive()).as("the job ended before it could be killed: " + victim.tail(40))
                            .isTrue();
                    assertThat(System.nanoTime()).as(victim.tail(40)).isLessThan(deadline);
                    BillingWorld.sleep(10);
                }
                victim.kill();
                snapshotsAtKill = BillingWorld.count(killedDb, rows);
                assertThat(reference.waitFor(Duration.ofMinutes(3))).as(reference.tail(40)).isTrue();
                assertThat(reference.exitValue()).as(reference.tail(40)).isZero();
            }
            assertThat(snapshotsAtKill).as("killed mid-step").isBetween(200L, ORGANISATIONS - 1L);
            assertThat(BillingWorld.count(killedDb, "SELECT COUNT(*) FROM batch_job_execution WHERE status = 'STARTED'"))
                    .isEqualTo(1);

            try (ChildProcess early = world.startJob("early", killedDb, killedOut, LEASE_EXPIRY)) {
                assertThat(early.waitFor(Duration.ofMinutes(2))).as(early.tail(40)).isTrue();
                assertThat(early.exitValue()).as(early.tail(40)).isEqualTo(1);
                assertThat(early.output()).containsPattern("(?m)^Another billing process \\(\\S+\\) holds the billing "
                        + "lease for \\d+ s more; two processes never bill at once, so this one bills nothing\\. If that "
                        + "process was killed, the next start after its lease expires takes its run over "
                        + "\\(seats\\.billing\\.lease-expiry, PT40S\\)$");
            }
            assertThat(BillingWorld.count(killedDb, "SELECT COUNT(*) FROM seat_snapshot")).isEqualTo(snapshotsAtKill);

            awaitLeaseExpired(killedDb);
            try (ChildProcess next = world.startJob("next", killedDb, killedOut, LEASE_EXPIRY)) {
                assertThat(next.waitFor(Duration.ofMinutes(3))).as(next.tail(40)).isTrue();
                assertThat(next.exitValue()).as(next.tail(40)).isZero();
                assertThat(next.output()).contains("Taking over the run of 2026-09-30")
                        .containsPattern("(?m)^Billed 2026-09-30: 3000 organisations, 3000 invoice lines, ");
            }

            assertThat(BillingWorld.rows(killedDb, "seat_ledger", "org_id, line_type"))
                    .hasSize(ORGANISATIONS).isEqualTo(BillingWorld.rows(referenceDb, "seat_ledger", "org_id, line_type"));
            assertThat(BillingWorld.rows(killedDb, "seat_snapshot", "org_id"))
                    .isEqualTo(BillingWorld.rows(referenceDb, "seat_snapshot", "org_id"));
            Map<String, byte[]> expected = BillingWorld.files(referenceOut.resolve("2026-09-30"));
            Map<String, byte[]> actual = BillingWorld.files(killedOut.resolve("2026-09-30"));
            assertThat(actual).containsOnlyKeys(expected.keySet());
            expected.forEach((name, bytes) -> assertThat(actual.get(name)).as(name).isEqualTo(bytes));
            assertThat(BillingWorld.count(killedDb, "SELECT COUNT(*) FROM batch_job_execution WHERE status = 'FAILED'"))
                    .as("the killed run, marked FAILED at the takeover").isEqualTo(1);
        }
    }

    /** The lease's expiry has passed on the database's clock. */
    private static void awaitLeaseExpired(String db) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (BillingWorld.count(db, "SELECT COUNT(*) FROM billing_lease"
                + " WHERE expires_at >= EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000") > 0) {
            assertThat(System.nanoTime()).as("lease still live").isLessThan(deadline);
            BillingWorld.sleep(200);
        }
    }
}
