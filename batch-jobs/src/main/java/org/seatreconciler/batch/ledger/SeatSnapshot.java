package org.seatreconciler.batch.ledger;

import java.time.LocalDate;

import org.seatreconciler.batch.billing.SeatFigures;

/** One organisation considered on a billing date: a row of seat-counts.csv, with its plan and why it was not billed. */
public record SeatSnapshot(LocalDate billingDate, String orgId, SeatFigures figures, String plan,
        String notBilledReason) {
}
