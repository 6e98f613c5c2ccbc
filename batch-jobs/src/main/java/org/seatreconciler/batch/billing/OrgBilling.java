package org.seatreconciler.batch.billing;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The outcome of billing one organisation for one date: its seat-counts row, the plan it was billed
 * on, the invoice line if any, and why it was not billed if it could not be.
 *
 * @param plan            the plan code applied (the assignment or the default plan)
 * @param notBilledReason non-null when the organisation could not be billed at all
 */
public record OrgBilling(LocalDate billingDate, String orgId, SeatFigures figures, String plan,
        Optional<InvoiceLine> line, String notBilledReason) {
}
