package org.seatreconciler.batch.reports;

import java.time.LocalDate;

import org.seatreconciler.batch.billing.Money;

/**
 * One row of reconciliation.csv (DESIGN.md section 9, in column order): what an organisation holds in D's
 * month against what it needs. The seat and money fields are null for an organisation that was not billed
 * (its plan is not in the catalogue): without a plan nothing is required.
 *
 * @param billableStandard            B, support_only and total_members: the figures the seats were computed
 *                                    from (the peaks under DAILY_PEAK), else the close counts
 * @param seatsPurchasedThisMonth     purchased before D in the month + the seats invoiced on D
 * @param unusedSeats                 max(seatsPurchasedThisMonth - requiredSeats, 0): paid for until the renewal
 * @param renewalChange               nextRenewalSeats - the seats renewed on the 1st of the month (0 without a
 *                                    RENEWAL line)
 * @param renewalChangeAmount         renewalChange x the monthly price, not prorated; negative when it shrinks
 */
public record ReconciliationRow(LocalDate billingDate, String orgId, String plan, int billableStandard,
        int supportOnly, int totalMembers, Integer requiredSeats, int seatsPurchasedThisMonth, Integer unusedSeats,
        Integer nextRenewalSeats, Integer renewalChange, Money renewalChangeAmount) {
}
