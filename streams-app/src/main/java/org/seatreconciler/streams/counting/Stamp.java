package org.seatreconciler.streams.counting;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * When an attribute was last written: the writing event's (occurredAt, eventId). The eventId breaks
 * ties between events of the same instant, so every replica and every arrival order agrees on the
 * winner (DESIGN.md section 4, rule 4).
 */
public record Stamp(Instant occurredAt, String eventId) implements Comparable<Stamp> {

    private static final Comparator<Stamp> ORDER = Comparator.comparing(Stamp::occurredAt)
            .thenComparing(Stamp::eventId);

    public Stamp {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(eventId, "eventId");
    }

    /** True when this stamp wins over {@code previous}; anything wins over no stamp at all. */
    public boolean isAfter(Stamp previous) {
        return previous == null || compareTo(previous) > 0;
    }

    @Override
    public int compareTo(Stamp other) {
        return ORDER.compare(this, other);
    }
}
