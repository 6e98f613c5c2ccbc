package org.seatreconciler.batch.explain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.streams.counting.DailySeats;
import org.seatreconciler.streams.counting.MemberChange;
import org.seatreconciler.streams.counting.MemberState;
import org.seatreconciler.streams.counting.SeatFigures;

/**
 * Replays one organisation's records in partition order with the streams app's own rules (last writer wins per
 * member attribute, {@link MemberState}; figures from {@link SeatFigures#contributionOf}), skipping what the
 * streams app rejected (its rejections, by offset) and the ids it had applied before (duplicates), to tell
 * which events changed the organisation's counts on a date. An event's day is its date in the billing zone,
 * moved forward to the organisation's latest day, as seats.org-daily counts it (DESIGN.md section 5).
 */
public final class EventReplay {

    private EventReplay() {
    }

    public static EventTrail of(OrgRecords log, LocalDate date, ZoneId zone) {
        boolean complete = log.logStart() == 0;
        Map<String, MemberState> members = new HashMap<>();
        Map<String, Long> applied = new HashMap<>();
        SeatFigures figures = SeatFigures.ZERO;
        LocalDate latestDay = null;
        List<EventTrail.Effect> changed = new ArrayList<>();
        List<EventTrail.Other> others = new ArrayList<>();
        for (OrgRecords.OrgRecord record : log.records()) {
            MembershipEvent event = record.event();
            if (event == null) {
                continue; // undecodable: rejected as MALFORMED, and its day is unknown
            }
            LocalDate eventDay = DailySeats.dayOf(event.getOccurredAt(), zone);
            OrgRecords.Rejection rejection = log.rejected().get(record.offset());
            Long original = applied.get(event.getEventId());
            if (rejection != null || original != null) {
                if (eventDay.equals(date)) {
                    others.add(new EventTrail.Other(record.offset(), event, rejection != null
                            ? "rejected " + rejection.reason() + ": " + rejection.detail()
                            : "a duplicate of offset " + original + ", ignored"));
                }
                continue;
            }
            applied.put(event.getEventId(), record.offset());
            MemberState before = members.getOrDefault(event.getMemberId(), MemberState.UNKNOWN);
            MemberState after = before.apply(MemberChange.of(event));
            members.put(event.getMemberId(), after);
            SeatFigures next = figures.change(before, after);
            LocalDate day = latestDay != null && latestDay.isAfter(eventDay) ? latestDay : eventDay;
            latestDay = day;
            if (day.equals(date)) {
                if (!complete) {
                    changed.add(new EventTrail.Effect(record.offset(), event, null, null));
                } else if (next.equals(figures)) {
                    others.add(new EventTrail.Other(record.offset(), event, "applied, but it changed no count"));
                } else {
                    changed.add(new EventTrail.Effect(record.offset(), event, figures, next));
                }
            }
            figures = next;
        }
        return new EventTrail(log.topic(), log.partition(), log.logStart(), log.end(), log.records().size(), complete,
                changed, others, log.rejectionsNote());
    }
}
