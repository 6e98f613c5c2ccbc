package org.seatreconciler.batch.order;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Dates are billed in calendar order with no gap (DESIGN.md section 6, "Order, gaps and crashes"):
 * purchased_before and the RENEWAL on the 1st depend on every earlier date of the month, so a date billed
 * out of order would bill seats twice or never. Given the latest completed date L and the date asked D:
 * <ul>
 *   <li>a new ledger (no L) bills D alone;</li>
 *   <li>D completed: nothing to bill;</li>
 *   <li>D after L: bill L + 1 .. D in order, across month boundaries, if that is at most {@code maxDates}
 *       dates, else refuse naming the gap and the setting;</li>
 *   <li>D before L and not completed: refuse (billing it now would change months already billed).</li>
 * </ul>
 */
public final class BillingOrder {

    /** The setting that bounds a catch-up. */
    public static final String MAX_DATES_SETTING = "seats.billing.max-catch-up-dates";

    private BillingOrder() {
    }

    /** What a run asked for {@code D} does. */
    public sealed interface Decision {
    }

    /** Bill these dates, in this order; the last one is the date asked. */
    public record Bill(List<LocalDate> dates) implements Decision {
        public Bill {
            dates = List.copyOf(dates);
        }
    }

    /** The date asked is already billed: nothing to bill. */
    public record AlreadyBilled(LocalDate date) implements Decision {
    }

    /** Not billed, for the one-line reason. */
    public record Refused(String reason) implements Decision {
    }

    /**
     * @param latestCompleted L, the latest date whose run completed, or null for a new ledger
     * @param asked           D
     * @param askedCompleted  whether D's own run completed
     * @param maxDates        the most dates one run bills (the setting {@value #MAX_DATES_SETTING})
     */
    public static Decision decide(LocalDate latestCompleted, LocalDate asked, boolean askedCompleted, int maxDates) {
        Objects.requireNonNull(asked, "asked");
        if (maxDates < 1) {
            throw new IllegalArgumentException(MAX_DATES_SETTING + " must be at least 1, got " + maxDates);
        }
        if (askedCompleted) {
            return new AlreadyBilled(asked);
        }
        if (latestCompleted == null) {
            return new Bill(List.of(asked));
        }
        if (!asked.isAfter(latestCompleted)) {
            return new Refused("Cannot bill " + asked + ": it was never billed and " + latestCompleted
                    + " is already billed; dates are billed in order with no gap, so a date before the latest billed "
                    + "one cannot be billed any more (it would change the seats already invoiced after it)");
        }
        LocalDate first = latestCompleted.plusDays(1);
        long count = ChronoUnit.DAYS.between(first, asked) + 1;
        if (count > maxDates) {
            return new Refused("Cannot bill " + asked + ": " + first + " .. " + asked + " (" + count
                    + " dates) are not billed yet, more than " + MAX_DATES_SETTING + " (" + maxDates + ") allows in one "
                    + "run; bill up to " + latestCompleted.plusDays(maxDates) + " first or raise the setting");
        }
        return new Bill(Stream.iterate(first, date -> !date.isAfter(asked), date -> date.plusDays(1)).toList());
    }
}
