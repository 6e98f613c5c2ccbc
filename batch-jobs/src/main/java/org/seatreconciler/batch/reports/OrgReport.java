package org.seatreconciler.batch.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * One organisation's rows in a date's files: its part of the date, its reconciliation row (null without a
 * snapshot) and its review rows.
 */
public record OrgReport(OrgDate org, ReconciliationRow reconciliation, List<ReviewRow> review) {

    public OrgReport {
        review = List.copyOf(review);
    }

    /** {@code org}'s rows on {@code date}; {@code previousDate} is the latest date before it with snapshots. */
    public static OrgReport of(LocalDate date, LocalDate previousDate, OrgDate org, ReviewThresholds thresholds) {
        return new OrgReport(org, org.snapshot() == null ? null : Reconciliation.row(date, org),
                Review.rows(date, previousDate, org, thresholds));
    }
}
