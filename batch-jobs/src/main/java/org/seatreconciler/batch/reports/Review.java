package org.seatreconciler.batch.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.seatreconciler.batch.billing.InvoiceLine;
import org.seatreconciler.batch.billing.LineType;
import org.seatreconciler.batch.ledger.BilledDate;

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
        return rows(billed.date(), prior.previousDate(), OrgDate.of(billed, prior), thresholds);
    }

    /** The rows of {@code organisations} (of {@code date}, in org_id order), sorted by org_id then check. */
    public static List<ReviewRow> rows(LocalDate date, LocalDate previousDate, List<OrgDate> organisations,
            ReviewThresholds thresholds) {
        List<ReviewRow> rows = new ArrayList<>();
        organisations.forEach(o -> rows.addAll(rows(date, previousDate, o, thresholds)));
        return rows;
    }

    /**
     * One organisation's rows, in check order (SEAT_DECREASE, then SEAT_INCREASE per line).
     *
     * @param previousDate the latest date before {@code date} with seat snapshots, or null
     */
    public static List<ReviewRow> rows(LocalDate date, LocalDate previousDate, OrgDate org,
            ReviewThresholds thresholds) {
        List<ReviewRow> rows = new ArrayList<>(0);
        Integer required = org.prior().previousRequiredSeats();
        if (org.snapshot() != null && org.snapshot().requirement() != null && required != null) {
            int before = required;
            int after = org.snapshot().requirement().requiredSeats();
            if (after < before && thresholds.large(before, after)) {
                rows.add(new ReviewRow(date, org.orgId(), ReviewCheck.SEAT_DECREASE, before, after,
                        before + " seats required on " + previousDate + ", " + after + " now; "
                                + thresholds.why(before, after) + "; seats bought are not refunded within the month"));
            }
        }
        for (InvoiceLine line : org.lines()) {
            boolean renewal = line.lineType() == LineType.RENEWAL;
            int before = renewal ? org.prior().previousMonthSeats() : line.purchasedBefore();
            int after = line.requiredSeats();
            if (after > before && thresholds.large(before, after)) {
                String against = renewal
                        ? "RENEWAL of " + after + " seats against " + before + " bought in "
                                + YearMonth.from(date).minusMonths(1)
                        : "TRUE_UP of " + line.seatsInvoiced() + " seats: " + after + " required against " + before
                                + " bought before in the month";
                rows.add(new ReviewRow(date, org.orgId(), ReviewCheck.SEAT_INCREASE, before, after,
                        against + "; " + thresholds.why(before, after)));
            }
        }
        return rows;
    }
}
