package org.seatreconciler.batch.billing;

import java.time.LocalDate;

/**
 * Everything needed to bill one organisation for one date.
 *
 * @param assignedPlan    the plan code from billing.org-plans, or null when there is no assignment
 * @param purchasedBefore seats already invoiced in the date's month on earlier dates
 */
public record BillingInput(LocalDate billingDate, String orgId, SeatFigures figures, String assignedPlan,
        int purchasedBefore) {
}
