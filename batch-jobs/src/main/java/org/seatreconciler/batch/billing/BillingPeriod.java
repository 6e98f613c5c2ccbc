package org.seatreconciler.batch.billing;

import java.time.LocalDate;
import java.time.YearMonth;

/** The calendar month (in the billing zone) that a billing date falls in, and its proration. */
public record BillingPeriod(LocalDate start, LocalDate end) {

    public static BillingPeriod containing(LocalDate date) {
        YearMonth month = YearMonth.from(date);
        return new BillingPeriod(month.atDay(1), month.atEndOfMonth());
    }

    public int periodDays() {
        return end.getDayOfMonth();
    }

    /** Days from {@code date} to the end of the period, {@code date} included. */
    public int billedDays(LocalDate date) {
        if (date.isBefore(start) || date.isAfter(end)) {
            throw new IllegalArgumentException(date + " is outside the period " + start + ".." + end);
        }
        return end.getDayOfMonth() - date.getDayOfMonth() + 1;
    }

    public boolean startsOn(LocalDate date) {
        return start.equals(date);
    }
}
