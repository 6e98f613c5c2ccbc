package org.seatreconciler.batch.explain;

import java.util.List;

import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.streams.counting.SeatFigures;

/**
 * The membership events of one organisation on one date, as far as hr.membership-events still holds them.
 *
 * @param complete     the partition still holds every record since its offset 0, so each event's effect on the
 *                     counts is known; false when retention removed older records (events may be missing, and
 *                     effects are not computed: they need the organisation's whole history)
 * @param changed      the events that changed its counts on the date, with the figures before and after (null
 *                     when not complete)
 * @param notCounted   the other events of the date: rejected, duplicates, or applied without changing a count
 * @param orgRecords   the organisation's records in the partition
 * @param note         why the events or their rejections could not be read, or null
 */
public record EventTrail(String topic, int partition, long logStart, long end, int orgRecords, boolean complete,
        List<Effect> changed, List<Other> notCounted, String note) {

    public EventTrail {
        changed = List.copyOf(changed);
        notCounted = List.copyOf(notCounted);
    }

    /** Nothing could be read, for {@code reason}. */
    public static EventTrail unavailable(String topic, String reason) {
        return new EventTrail(topic, -1, 0, 0, 0, false, List.of(), List.of(), reason);
    }

    public boolean available() {
        return partition >= 0;
    }

    /** An applied event and the organisation's figures before and after it (null when not computed). */
    public record Effect(long offset, MembershipEvent event, SeatFigures before, SeatFigures after) {
    }

    /** An event of the date that did not change the counts, and why. */
    public record Other(long offset, MembershipEvent event, String why) {
    }
}
