package org.seatreconciler.batch.ledger;

import java.time.LocalDate;

import org.seatreconciler.batch.billing.SeatFigures;
import org.seatreconciler.batch.billing.SeatRequirement;

/**
 * One organisation considered on a billing date: a row of seat-counts.csv, with its plan, the terms it was
 * billed on and the seats they required, and why it was not billed.
 *
 * @param requirement null when it was not billed (a plan missing from the catalogue), and in rows written
 *                    before the ledger kept it
 */
public record SeatSnapshot(LocalDate billingDate, String orgId, SeatFigures figures, String plan,
        String notBilledReason, SeatRequirement requirement) {
}
