package org.seatreconciler.batch.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.billing.Money;
import org.seatreconciler.batch.reports.ReconciliationRow;
import org.seatreconciler.batch.reports.ReviewCheck;
import org.seatreconciler.batch.reports.ReviewRow;

class ReportFilesTest {

    private static final LocalDate NOV_10 = LocalDate.of(2026, 11, 10);

    @Test
    void reconciliationWritesMoneyWithTheCurrencysMinorDigitsAndLeavesWhatNeedsAPlanEmpty() {
        assertThat(ReconciliationFile.render(List.of(
                new ReconciliationRow(NOV_10, "acme, \"north\"", "GROUP", 13, 5, 18, 13, 13, 0, 13, 3,
                        Money.of("150", "USD")),
                new ReconciliationRow(NOV_10, "gold-org", "GOLD", 2, 0, 2, null, 4, null, null, null, null),
                new ReconciliationRow(NOV_10, "ryokan", "YEN", 12, 0, 12, 12, 42, 30, 12, -28,
                        Money.of("-140000", "JPY")))))
                .isEqualTo("billing_date,org_id,plan,billable_standard,support_only,total_members,required_seats,"
                        + "seats_purchased_this_month,unused_seats,next_renewal_seats,renewal_change,currency,"
                        + "renewal_change_amount\r\n"
                        + "2026-11-10,\"acme, \"\"north\"\"\",GROUP,13,5,18,13,13,0,13,3,USD,150.00\r\n"
                        + "2026-11-10,gold-org,GOLD,2,0,2,,4,,,,,\r\n"
                        + "2026-11-10,ryokan,YEN,12,0,12,12,42,30,12,-28,JPY,-140000\r\n");
    }

    @Test
    void reviewIsTheHeaderAloneWhenNothingIsToReviewAndQuotesADetailWithAComma() {
        assertThat(ReviewFile.render(List.of())).isEqualTo("billing_date,org_id,check,seats_before,seats_after,detail\r\n");
        assertThat(ReviewFile.render(List.of(new ReviewRow(NOV_10, "org-a", ReviewCheck.SEAT_DECREASE, 30, 9,
                "30 seats required on 2026-11-09, 9 now")))).endsWith(
                        "2026-11-10,org-a,SEAT_DECREASE,30,9,\"30 seats required on 2026-11-09, 9 now\"\r\n");
    }
}
