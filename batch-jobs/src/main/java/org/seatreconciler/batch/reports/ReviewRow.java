package org.seatreconciler.batch.reports;

import java.time.LocalDate;

/** One row of review.csv, in column order: billing_date, org_id, check, seats_before, seats_after, detail. */
public record ReviewRow(LocalDate billingDate, String orgId, ReviewCheck check, int seatsBefore, int seatsAfter,
        String detail) {
}
