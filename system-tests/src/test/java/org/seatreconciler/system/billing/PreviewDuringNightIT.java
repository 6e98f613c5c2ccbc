package org.seatreconciler.system.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seatreconciler.system.billing.BillingWorld.SEP_30;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seatreconciler.system.support.ChildProcess;

/**
 * The production job's {@code --preview} and {@code --explain} as OS processes while a nightly run of the same
 * ledger is going on: the night holds the billing lease and waits for the streams app; the preview and the
 * explanation run beside it, need no lease, bill nothing, and the night then bills exactly what the preview
 * showed.
 */
class PreviewDuringNightIT {

    @Test
    void aPreviewAndAnExplanationRunWhileANightHoldsTheLeaseAndTheNightBillsWhatThePreviewShowed() throws Exception {
        try (BillingWorld world = new BillingWorld("preview-during-night")) {
            world.publishDays(SEP_30, 50);
            // an event the streams app has not processed yet: the night waits for it, holding the lease
            world.streamsAppLagsByOneEvent();
            String db = world.createDatabase("ledger");
            Path out = world.dir().resolve("out");
            try (ChildProcess night = world.startJob("night", db, out, "--seats.billing.catch-up-timeout=3m",
                    "--seats.billing.catch-up-poll-interval=200ms")) {
                awaitOutput(night, "Waiting for streams application", Duration.ofMinutes(2));

                try (ChildProcess preview = world.startJob("preview", db, out, "--preview");
                        ChildProcess explain = world.startJob("explain", db, out, "--explain", "org-0003")) {
                    assertThat(preview.waitFor(Duration.ofMinutes(2))).as(preview.tail(40)).isTrue();
                    assertThat(preview.exitValue()).as(preview.tail(40)).isZero();
                    assertThat(preview.output()).containsPattern("(?m)^Preview of 2026-09-30 \\(nothing billed\\): "
                            + "50 organisations, 50 invoice lines, 197 seats, amounts \\{USD=\\d+\\.\\d\\d\\} -> \\S+"
                            + "/preview/2026-09-30; the streams app has 1 membership events still to process, not "
                            + "in these figures$");
                    assertThat(explain.waitFor(Duration.ofMinutes(2))).as(explain.tail(40)).isTrue();
                    assertThat(explain.exitValue()).as(explain.tail(40)).isZero();
                    // org-0003: S = 3 % 7 + 1 = 4, a new ledger: 4 x 50.00 x 1/30 = 6.67
                    assertThat(explain.output()).contains("org-0003 on 2026-09-30: not billed yet: a preview from "
                            + "the figures known now, nothing billed\n", "Line: TRUE_UP of 4 - 0 = 4 seats, "
                            + "prorated for 1 of 30 days (2026-09-30 .. 2026-09-30): 4 x 50.00 x 1 / 30 = "
                            + "6.666666... -> 6.67 USD (rounded half up, once) (invoice 20260930-org-0003-T)\n",
                            "No membership event changed its counts on 2026-09-30 (hr.membership-events partition "
                                    + "0 read up to offset 1, 0 records of org-0003)\n");
                }
                assertThat(night.isAlive()).as(night.tail(40)).isTrue();
                assertThat(BillingWorld.count(db, "SELECT COUNT(*) FROM seat_ledger")).isZero();

                world.streamsAppCatchesUp(); // the night can go on
                assertThat(night.waitFor(Duration.ofMinutes(2))).as(night.tail(40)).isTrue();
                assertThat(night.exitValue()).as(night.tail(40)).isZero();
            }
            assertThat(BillingWorld.count(db, "SELECT COUNT(*) FROM seat_ledger")).isEqualTo(50);
            assertThat(BillingWorld.count(db, "SELECT COUNT(*) FROM batch_job_execution")).isEqualTo(1);
            Map<String, byte[]> billed = BillingWorld.files(out.resolve("2026-09-30"));
            Map<String, byte[]> previewed = BillingWorld.files(out.resolve("preview").resolve("2026-09-30"));
            for (String name : List.of("invoices.csv", "seat-counts.csv", "reconciliation.csv", "review.csv")) {
                assertThat(previewed.get(name)).as(name).isEqualTo(billed.get(name));
            }
        }
    }

    private static void awaitOutput(ChildProcess process, String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!process.output().contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("No '" + text + "' from " + process + ": " + process.tail(40));
            }
            BillingWorld.sleep(200);
        }
    }
}
