package org.seatreconciler.streams.counting;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * An organisation's state: its latest recorded day (DESIGN.md section 5), whose close is the organisation's
 * current counts, and the event time of the last change of those counts ({@code seats.org-counts}'
 * lastChangedAt; null while no applied event has changed them). One store record per organisation serves
 * both outputs.
 */
public record OrgState(DailySeats latestDay, Instant countsChangedAt) {

    public OrgState {
        Objects.requireNonNull(latestDay, "latestDay");
    }

    /** The current counts of section 2. */
    public SeatFigures figures() {
        return latestDay.close();
    }

    /** Whether any applied event has changed the counts yet (so that there are counts to publish). */
    public boolean hasCounts() {
        return countsChangedAt != null;
    }

    /**
     * The organisation after an applied event moved one of its members from {@code before} to {@code after}.
     * {@code previous} is null for the organisation's first applied event.
     */
    public static OrgState after(OrgState previous, MemberState before, MemberState after, Instant occurredAt,
                                 ZoneId billingZone) {
        SeatFigures figuresBefore = previous == null ? SeatFigures.ZERO : previous.figures();
        SeatFigures figures = figuresBefore.change(before, after);
        Instant countsChangedAt = previous == null ? null : previous.countsChangedAt();
        if (!figures.equals(figuresBefore)) {
            countsChangedAt = occurredAt;
        }
        // every applied event updates the day, even one that changed no figure (its peaks still hold)
        DailySeats day = DailySeats.after(previous == null ? null : previous.latestDay(),
                DailySeats.dayOf(occurredAt, billingZone), figures, occurredAt);
        return new OrgState(day, countsChangedAt);
    }

    /** The same counts (figures and the time of their last change) as {@code other}. */
    boolean sameCountsAs(OrgState other) {
        return figures().equals(other.figures()) && Objects.equals(countsChangedAt, other.countsChangedAt);
    }
}
