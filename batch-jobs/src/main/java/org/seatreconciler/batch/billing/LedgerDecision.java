package org.seatreconciler.batch.billing;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The ledger rule of DESIGN.md section 6: a renewal of all required seats on the first of the month,
 * a prorated true-up for the seats above those already bought in the month otherwise, and nothing
 * when the seats do not rise (seats are not refunded within a month).
 */
public final class LedgerDecision {

    private LedgerDecision() {
    }

    /**
     * @param requiredSeats   S on {@code billingDate}
     * @param purchasedBefore seats already invoiced in the month of {@code billingDate} on earlier dates
     */
    public static Optional<Charge> decide(LocalDate billingDate, int requiredSeats, int purchasedBefore,
            Money unitPrice) {
        BillingPeriod period = BillingPeriod.containing(billingDate);
        int periodDays = period.periodDays();
        if (period.startsOn(billingDate)) {
            if (requiredSeats <= 0) {
                return Optional.empty();
            }
            return Optional.of(new Charge(LineType.RENEWAL, requiredSeats, periodDays, periodDays,
                    unitPrice.times(requiredSeats)));
        }
        if (requiredSeats <= purchasedBefore) {
            return Optional.empty();
        }
        int seats = requiredSeats - purchasedBefore;
        int billedDays = period.billedDays(billingDate);
        return Optional.of(new Charge(LineType.TRUE_UP, seats, periodDays, billedDays,
                unitPrice.prorate(seats, billedDays, periodDays)));
    }
}
