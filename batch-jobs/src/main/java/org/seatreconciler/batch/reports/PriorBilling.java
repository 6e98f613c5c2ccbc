package org.seatreconciler.batch.reports;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.seatreconciler.batch.billing.BillingPeriod;
import org.seatreconciler.batch.ledger.BillingHistory;
import org.seatreconciler.batch.ledger.SeatSnapshot;

/**
 * What the dates billed before D tell D's reports (DESIGN.md sections 6 and 9), per organisation.
 *
 * @param purchasedBefore       seats invoiced in D's month before D
 * @param renewedOnFirst        seats of the RENEWAL line on the 1st of D's month, when D is not the 1st itself
 *                              (on the 1st, D's own RENEWAL lines are the renewal)
 * @param previousMonthSeats    seats invoiced in the month before D's, when D is the 1st (a RENEWAL's
 *                              seats_before in review.csv); empty otherwise
 * @param previousDate          the latest date before D with seat snapshots, or null
 * @param previousRequiredSeats required seats on {@code previousDate} (organisations billed then)
 */
public record PriorBilling(Map<String, Integer> purchasedBefore, Map<String, Integer> renewedOnFirst,
        Map<String, Integer> previousMonthSeats, LocalDate previousDate, Map<String, Integer> previousRequiredSeats) {

    public PriorBilling {
        purchasedBefore = Map.copyOf(purchasedBefore);
        renewedOnFirst = Map.copyOf(renewedOnFirst);
        previousMonthSeats = Map.copyOf(previousMonthSeats);
        previousRequiredSeats = Map.copyOf(previousRequiredSeats);
    }

    /** Read from {@code history}: a handful of reads, whatever the number of organisations. */
    public static PriorBilling before(LocalDate date, BillingHistory history) {
        BillingPeriod month = BillingPeriod.containing(date);
        boolean first = month.startsOn(date);
        LocalDate previousDate = history.latestSnapshotDateBefore(date).orElse(null);
        // the latest date's own; an older snapshot carried forward with them is not a requirement of that date
        Map<String, Integer> previousRequired = new HashMap<>();
        history.latestSnapshotsBefore(date).stream()
                .filter(s -> s.requirement() != null && s.billingDate().equals(previousDate))
                .forEach(s -> previousRequired.put(s.orgId(), s.requirement().requiredSeats()));
        return new PriorBilling(history.seatsInvoiced(month.start(), date),
                first ? Map.of() : history.renewals(month.start()),
                first ? history.seatsInvoiced(month.start().minusMonths(1), month.start()) : Map.of(),
                previousDate, previousRequired);
    }

    public int purchasedBefore(String orgId) {
        return purchasedBefore.getOrDefault(orgId, 0);
    }

    /** What these maps hold for {@code orgId}. */
    public OrgPrior of(String orgId) {
        return new OrgPrior(purchasedBefore(orgId), renewedOnFirst.getOrDefault(orgId, 0),
                previousMonthSeats.getOrDefault(orgId, 0), previousRequiredSeats.get(orgId));
    }
}
