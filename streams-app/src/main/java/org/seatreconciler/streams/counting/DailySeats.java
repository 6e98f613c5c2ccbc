package org.seatreconciler.streams.counting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * An organisation's latest recorded day (DESIGN.md section 5): the figures at its close so far, the
 * peak B and T during it, and the event time of the last applied event counted in it.
 */
public record DailySeats(LocalDate day, SeatFigures close, int peakBillableStandard, int peakTotalMembers,
                         Instant lastChangedAt) {

    public DailySeats {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(lastChangedAt, "lastChangedAt");
    }

    /** The calendar day of an event time in the billing zone. */
    public static LocalDate dayOf(Instant occurredAt, ZoneId billingZone) {
        return occurredAt.atZone(billingZone).toLocalDate();
    }

    /**
     * The organisation's day after an applied event. {@code latest} is its latest recorded day, or
     * null for its first event (whose day then starts from zeros). The event's day is clamped forward
     * to {@code latest.day()}: history is never rewritten, a late event counts from the latest day on.
     * A new day's peaks start at the previous day's close.
     */
    public static DailySeats after(DailySeats latest, LocalDate eventDay, SeatFigures figures, Instant occurredAt) {
        if (latest == null) {
            return startOf(eventDay, SeatFigures.ZERO, figures, occurredAt);
        }
        if (!eventDay.isAfter(latest.day())) {
            return new DailySeats(latest.day(), figures,
                    Math.max(latest.peakBillableStandard(), figures.billableStandard()),
                    Math.max(latest.peakTotalMembers(), figures.totalMembers()),
                    occurredAt);
        }
        return startOf(eventDay, latest.close(), figures, occurredAt);
    }

    private static DailySeats startOf(LocalDate day, SeatFigures previousClose, SeatFigures figures, Instant at) {
        return new DailySeats(day, figures,
                Math.max(previousClose.billableStandard(), figures.billableStandard()),
                Math.max(previousClose.totalMembers(), figures.totalMembers()),
                at);
    }
}
