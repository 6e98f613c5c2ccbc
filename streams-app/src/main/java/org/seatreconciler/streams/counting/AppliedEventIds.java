package org.seatreconciler.streams.counting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ids of the events applied to one member, each with the processing (wall-clock) time it was applied at,
 * oldest first: what duplicate detection (DESIGN.md section 4, rule 2) remembers, kept inside the member's
 * store record so that an event costs one store write instead of two.
 *
 * <p>An id is remembered for the dedup retention after it was applied (expired ids are dropped whenever the
 * member is written again, and ignored until then), and a member remembers at most {@link #MAX_PER_MEMBER}
 * ids: a member with more applied events than that within the retention forgets its oldest ones early. A
 * redelivery of a forgotten event is applied again, which last-writer-wins makes a no-op for the member's
 * state (its stamps are at least as new as the event's), exactly as after the retention.
 *
 * <p>Ids are unique within their organisation (section 4) and a redelivery names the same member, so the
 * member's own ids are the organisation's ids that can come back for it.
 */
public record AppliedEventIds(List<Applied> ids) {

    /** Bounds a member record: 64 ids of up to 128 characters, ~9 KB at worst, typically ~2 KB. */
    public static final int MAX_PER_MEMBER = 64;

    public static final AppliedEventIds NONE = new AppliedEventIds(List.of());

    /** One remembered id and when it was applied (epoch milliseconds of the processing time). */
    public record Applied(String eventId, long appliedAtMs) {
        public Applied {
            Objects.requireNonNull(eventId, "eventId");
        }
    }

    public AppliedEventIds {
        ids = List.copyOf(ids);
    }

    /** Whether the event was applied to this member within the retention before {@code nowMs}. */
    public boolean contains(String eventId, long nowMs, Duration retention) {
        long oldestKept = nowMs - retention.toMillis();
        for (Applied applied : ids) {
            if (applied.eventId().equals(eventId) && applied.appliedAtMs() >= oldestKept) {
                return true;
            }
        }
        return false;
    }

    /** These ids plus one applied at {@code nowMs}, without the expired ones and within the bound. */
    public AppliedEventIds plus(String eventId, long nowMs, Duration retention) {
        long oldestKept = nowMs - retention.toMillis();
        List<Applied> kept = new ArrayList<>(Math.min(ids.size() + 1, MAX_PER_MEMBER));
        int skip = Math.max(0, ids.size() + 1 - MAX_PER_MEMBER);
        for (int i = skip; i < ids.size(); i++) {
            Applied applied = ids.get(i);
            if (applied.appliedAtMs() >= oldestKept) {
                kept.add(applied);
            }
        }
        kept.add(new Applied(eventId, nowMs));
        return new AppliedEventIds(kept);
    }
}
