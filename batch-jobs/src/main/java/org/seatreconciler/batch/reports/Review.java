package org.seatreconciler.batch.reports;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.seatreconciler.batch.billing.InvoiceLine;
import org.seatreconciler.batch.billing.LineType;
import org.seatreconciler.batch.ledger.BilledDate;
import org.seatreconciler.batch.ledger.SeatSnapshot;

/**
 * review.csv (DESIGN.md section 6, "Review before sending"): the lines and organisations whose seats moved by
 * a lot, for finance to look at before the invoices go out. Like Kill Bill's safety bounds, but the lines are
 * still billed: the file is a check list, not a hold.
 * <ul>
 *   <li>{@code SEAT_INCREASE}, per invoice line: a TRUE_UP from the seats bought before in the month to the
 *       required seats; a RENEWAL from the seats bought in the previous month (0 when the ledger has none).</li>
 *   <li>{@code SEAT_DECREASE}, per organisation: from the seats required at the previous billed date to D's.</li>
 * </ul>
 */
public final class Review {

    private Review() {
    }

    /** The rows of {@code billed}'s review.csv, sorted by org_id then check. */
    public static List<ReviewRow> rows(BilledDate billed, PriorBilling prior, ReviewThresholds thresholds) {
        List<ReviewRow> rows = new ArrayList<>();
        for (InvoiceLine line : billed.lines()) {
            boolean renewal = line.lineType() == LineType.RENEWAL;
            int before = renewal ? prior.previousMonthSeats().getOrDefault(line.orgId(), 0) : line.purchasedBefore();
            int after = line.requiredSeats();
            if (after > before && thresholds.large(before, after)) {
                String against = renewal
                        ? "RENEWAL of " + after + " seats against " + before + " bought in "
                                + YearMonth.from(billed.date()).minusMonths(1)
                        : "TRUE_UP of " + line.seatsInvoiced() + " seats: " + after + " required against " + before
                                + " bought before in the month";
                rows.add(new ReviewRow(billed.date(), line.orgId(), ReviewCheck.SEAT_INCREASE, before, after,
                        against + "; " + thresholds.why(before, after)));
            }
        }
        for (SeatSnapshot s : billed.snapshots()) {
            Integer before = prior.previousRequiredSeats().get(s.orgId());
            if (before == null || s.requirement() == null) {
                continue;
            }
            int after = s.requirement().requiredSeats();
            if (after < before && thresholds.large(before, after)) {
                rows.add(new ReviewRow(billed.date(), s.orgId(), ReviewCheck.SEAT_DECREASE, before, after,
                        before + " seats required on " + prior.previousDate() + ", " + after + " now; "
                                + thresholds.why(before, after) + "; seats bought are not refunded within the month"));
            }
        }
        rows.sort(Comparator.comparing(ReviewRow::orgId).thenComparing(ReviewRow::check));
        return rows;
    }
}
