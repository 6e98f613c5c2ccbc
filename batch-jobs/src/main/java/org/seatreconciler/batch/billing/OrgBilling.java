package org.seatreconciler.batch.billing;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The outcome of billing one organisation for one date: its seat-counts row, the plan it was billed
 * on, the invoice line if any, and why it was not billed if it could not be.
 *
 * @param plan            the plan code applied (the assignment or the default plan)
 * @param requirement     the terms billed on and the seats they require; null when not billed
 * @param notBilledReason non-null when the organisation could not be billed at all
 * @param sound           its id, figures and plan code are valid, so it has a seat-counts row (and a seat
 *                        snapshot in the ledger) even when it is not billed, e.g. for a plan missing from the
 *                        catalogue; an organisation that is not sound is only listed as not billed
 */
public record OrgBilling(LocalDate billingDate, String orgId, SeatFigures figures, String plan,
        SeatRequirement requirement, Optional<InvoiceLine> line, String notBilledReason, boolean sound) {

    static OrgBilling billed(BillingInput input, String plan, SeatRequirement requirement,
            Optional<InvoiceLine> line) {
        return new OrgBilling(input.billingDate(), input.orgId(), input.figures(), plan, requirement, line, null,
                true);
    }

    static OrgBilling notBilled(BillingInput input, String plan, String reason, boolean sound) {
        return new OrgBilling(input.billingDate(), input.orgId(), input.figures(), plan, null, Optional.empty(),
                reason, sound);
    }

    public boolean isBilled() {
        return notBilledReason == null;
    }
}
