package org.seatreconciler.batch.order;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.seatreconciler.batch.billing.BillingPeriod;
import org.springframework.batch.core.BatchStatus;

/**
 * The dates of a month are billed in order. purchased_before only counts the seats of earlier dates
 * of the month, so a date billed after a later one of its month would bill the same seats again
 * (a RENEWAL on the 1st after a TRUE_UP on the 2nd charges them twice). Dates never run are allowed
 * (the system started mid-month, or a night was skipped); only dates with a job execution count.
 */
public final class MonthOrder {

    /** The status of a date's last job execution, or null when the date never ran. */
    private final Function<LocalDate, BatchStatus> lastStatus;

    public MonthOrder(Function<LocalDate, BatchStatus> lastStatus) {
        this.lastStatus = lastStatus;
    }

    /**
     * Why {@code date} must not be billed now, if it must not: a later date of its month has run (any
     * status), or an earlier date of its month ran and did not complete. A date that completed itself
     * is never refused: billing it again changes nothing.
     */
    public Optional<String> refusal(LocalDate date) {
        if (lastStatus.apply(date) == BatchStatus.COMPLETED) {
            return Optional.empty();
        }
        BillingPeriod month = BillingPeriod.containing(date);
        for (LocalDate later = date.plusDays(1); !later.isAfter(month.end()); later = later.plusDays(1)) {
            BatchStatus status = lastStatus.apply(later);
            if (status != null) {
                return Optional.of("Cannot bill " + date + ": " + later + ", a later date of the same month, "
                        + (status == BatchStatus.COMPLETED ? "is already billed" : "has already run") + " (" + status
                        + "); dates of a month are billed in order, and " + later
                        + (status == BatchStatus.COMPLETED ? " counted these seats" : " may have counted these seats"));
            }
        }
        for (LocalDate earlier = month.start(); earlier.isBefore(date); earlier = earlier.plusDays(1)) {
            BatchStatus status = lastStatus.apply(earlier);
            if (status != null && status != BatchStatus.COMPLETED) {
                return Optional.of("Cannot bill " + date + ": " + earlier + ", an earlier date of the same month, has "
                        + "not completed (" + status + "); dates of a month are billed in order: bill " + earlier
                        + " first (--billing-date=" + earlier + ", with --recover if a killed run left it STARTED)");
            }
        }
        return Optional.empty();
    }

    /**
     * The dates a scheduled run bills, in order, to end with {@code yesterday}. Within a month: from the
     * earliest date that ran without completing, or else from the day after the month's latest date
     * that ran (nights the scheduler missed), through the month's end or yesterday. The previous month
     * is caught up first the same way, so a failed or missed last night of a month is not dropped when
     * the month turns. A month with no run at all is left alone (the system started later).
     */
    public List<LocalDate> catchUp(LocalDate yesterday) {
        LocalDate previousMonthEnd = BillingPeriod.containing(yesterday).start().minusDays(1);
        List<LocalDate> dates = new ArrayList<>(within(previousMonthEnd, false));
        dates.addAll(within(yesterday, true));
        return dates;
    }

    /**
     * The dates of {@code last}'s month, up to {@code last}, that a scheduled run still has to bill;
     * {@code last} itself even when the month has no run yet only if {@code billLast}.
     */
    private List<LocalDate> within(LocalDate last, boolean billLast) {
        BillingPeriod month = BillingPeriod.containing(last);
        LocalDate firstUnfinished = null;
        LocalDate latestRun = null;
        for (LocalDate day = month.start(); !day.isAfter(last); day = day.plusDays(1)) {
            BatchStatus status = lastStatus.apply(day);
            if (status != null && status != BatchStatus.COMPLETED && firstUnfinished == null) {
                firstUnfinished = day;
            }
            if (status != null) {
                latestRun = day;
            }
        }
        LocalDate from;
        if (firstUnfinished != null) {
            from = firstUnfinished;
        } else if (latestRun != null) {
            from = latestRun.plusDays(1);
        } else if (billLast) {
            from = last;
        } else {
            return List.of(); // a month that never ran: the system started after it
        }
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(last); day = day.plusDays(1)) {
            if (lastStatus.apply(day) != BatchStatus.COMPLETED) {
                dates.add(day);
            }
        }
        return dates;
    }
}
