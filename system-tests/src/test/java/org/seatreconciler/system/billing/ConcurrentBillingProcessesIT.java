package org.seatreconciler.system.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seatreconciler.system.billing.BillingWorld.SEP_30;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.seatreconciler.system.support.ChildProcess;

/**
 * Two billing processes started at the same moment on one new PostgreSQL ledger. The streams app has not
 * caught up yet, so whichever takes the lease first holds it while it waits; the other must refuse, exit
 * non-zero and say why. Once the streams app's group commits its offset, the holder bills, once.
 */
class ConcurrentBillingProcessesIT {

    @Test
    void ofTwoProcessesStartedTogetherExactlyOneBillsAndTheOtherSaysWhyItDidNot() throws Exception {
        try (BillingWorld world = new BillingWorld("concurrent-billing")) {
            world.publishDays(SEP_30, 50);
            // an event the streams app has not processed: the job waits for it
            world.streamsAppLagsByOneEvent();
            String db = world.createDatabase("ledger");
            Path out = world.dir().resolve("out");
            String[] settings = { "--seats.billing.catch-up-timeout=3m", "--seats.billing.catch-up-poll-interval=200ms" };

            try (ChildProcess a = world.startJob("a", db, out, settings);
                    ChildProcess b = world.startJob("b", db, out, settings)) {
                ChildProcess loser = awaitFirstExit(a, b, Duration.ofMinutes(2));
                ChildProcess winner = loser == a ? b : a;
                assertThat(loser.exitValue()).as(loser.tail(40)).isEqualTo(1);
                assertThat(loser.output()).containsPattern("(?m)^Another billing process \\(\\S+\\) holds the "
                        + "billing lease for \\d+ s more; two processes never bill at once, so this one bills "
                        + "nothing\\.");
                assertThat(winner.isAlive()).as(winner.tail(40)).isTrue();

                world.streamsAppCatchesUp();

                assertThat(winner.waitFor(Duration.ofMinutes(2))).as(winner.tail(40)).isTrue();
                assertThat(winner.exitValue()).as(winner.tail(40)).isZero();
                assertThat(winner.output()).containsPattern("(?m)^Billed 2026-09-30: 50 organisations, 50 invoice "
                        + "lines, ");
                assertThat(loser.output()).doesNotContain("Billed 2026-09-30");
            }
            assertThat(BillingWorld.count(db, "SELECT COUNT(*) FROM seat_ledger")).isEqualTo(50);
            assertThat(BillingWorld.count(db, "SELECT COUNT(*) FROM batch_job_execution")).isEqualTo(1);
            assertThat(BillingWorld.count(db, "SELECT COUNT(*) FROM batch_job_execution WHERE status = 'COMPLETED'"))
                    .isEqualTo(1);
        }
    }

    private static ChildProcess awaitFirstExit(ChildProcess a, ChildProcess b, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (List<ChildProcess> both = List.of(a, b); System.nanoTime() < deadline; BillingWorld.sleep(100)) {
            for (ChildProcess process : both) {
                if (!process.isAlive()) {
                    return process;
                }
            }
        }
        throw new AssertionError("Neither billing process ended within " + timeout + ": " + a.tail(30) + "\n"
                + b.tail(30));
    }
}
