package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BillingRun;
import org.seatreconciler.batch.billing.OrgBilling;
import org.seatreconciler.batch.billing.SeatFigures;
import org.seatreconciler.batch.ledger.NotBilled;

/**
 * Review finding M4 (DESIGN.md section 6): an organisation billed on 28 Sep, not billed on 29 Sep for a reason
 * that left it no seat snapshot (the ledger refused its rows), and whose daily records are no longer on
 * seats.org-daily, is billed on 30 Sep from its 28 Sep snapshot's close counts (peaks = close), not dropped.
 * The two earlier dates are written to the ledger as the job writes them; 30 Sep is billed by the job from the
 * worked example's topic records, which hold nothing of "ghost-g".
 * <pre>
 * ghost-g  28 Sep close B 5 P 1 T 6, peaks B 9 T 10; on 30 Sep B 5 P 1 T 6 (peaks = close); GROUP (r 1,
 *          50.00 USD), END_OF_DAY: S = max(5, ceil(6 / 2)) = 5, 5 support seats; nothing bought in September:
 *          TRUE_UP 5 x 50.00 x 1/30 = 8.333.. -> 8.33 USD
 * </pre>
 */
class CarriedPastANightNotBilledJobTest extends BillingJobTestSupport {

    private static final LocalDate SEP_28 = LocalDate.of(2026, 9, 28);
    private static final LocalDate SEP_29 = LocalDate.of(2026, 9, 29);

    @Test
    void anOrganisationNotBilledWithoutASnapshotIsBilledLaterFromItsLastSnapshot() throws Exception {
        ledgerRepository.record(List.of(new OrgBilling(SEP_28, "ghost-g", new SeatFigures(5, 1, 1, 1, 5, 1, 6, 9, 10),
                "GROUP", null, Optional.empty(), null, true)));
        ledgerRepository.record(List.of(new OrgBilling(SEP_29, "anchor-z", new SeatFigures(1, 0, 1, 1, 1, 0, 1, 1, 1),
                "GROUP", null, Optional.empty(), null, true)));
        ledgerRepository.recordNotBilled(SEP_29, List.of(new NotBilled("ghost-g",
                "the ledger refused its rows: value too long")));
        publishWorkedExampleDays();
        publishWorkedExamplePlans();

        BillingRun sep30 = bill(SEP_30);

        assertThat(Files.readString(sep30.folder().resolve("invoices.csv"))).contains("\r\n"
                + "2026-09-30,ghost-g,GROUP,TRUE_UP,END_OF_DAY,5,1,6,5,5,0,5,50.00,30,1,8.33,USD,20260930-ghost-g-T\r\n");
        assertThat(Files.readString(sep30.folder().resolve("seat-counts.csv"))).contains("\r\n"
                + "2026-09-30,ghost-g,5,1,1,1,5,1,6,5,6\r\n");
        assertThat(ledgerRepository.snapshots(SEP_30)).extracting(s -> s.orgId() + " " + s.figures())
                .contains("ghost-g " + new SeatFigures(5, 1, 1, 1, 5, 1, 6, 5, 6));
        assertThat(sep30.notBilled()).isEmpty();
        // what a later date's reports and preview see as carried forward from 29 Sep: ghost-g's 28 Sep snapshot
        assertThat(ledgerRepository.latestSnapshotsBefore(SEP_30)).extracting(s -> s.billingDate() + " " + s.orgId())
                .containsExactly("2026-09-29 anchor-z", "2026-09-28 ghost-g");
        assertCarriedForwardPastNightsNotBilled(LocalDate.of(2026, 11, 1));
        assertOneOrganisationReadsMatchTheWholeDate(SEP_29, SEP_30, LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 4));
    }
}
