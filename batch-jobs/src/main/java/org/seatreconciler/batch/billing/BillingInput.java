package org.seatreconciler.batch.billing;

import java.time.LocalDate;

/**
 * Everything needed to bill one organisation for one date.
 *
 * @param assignedPlan    the plan code from billing.org-plans, or null when there is no assignment
 * @param purchasedBefore seats already invoiced in the date's month on earlier dates
 * @param undecodable     why a record the organisation is billed from did not decode, or null; its figures
 *                        (null then when it has none) and plan cannot be trusted
 */
public record BillingInput(LocalDate billingDate, String orgId, SeatFigures figures, String assignedPlan,
        int purchasedBefore, String undecodable) {

    public BillingInput(LocalDate billingDate, String orgId, SeatFigures figures, String assignedPlan,
            int purchasedBefore) {
        this(billingDate, orgId, figures, assignedPlan, purchasedBefore, null);
    }
}
