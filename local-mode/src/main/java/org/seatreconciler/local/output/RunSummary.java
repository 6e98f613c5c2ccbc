package org.seatreconciler.local.output;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The figures of {@code run-summary.json}.
 *
 * @param eventsRead non-blank lines of the events file
 * @param eventsApplied events the topology applied
 * @param duplicatesIgnored events the topology ignored as already applied
 * @param eventsRejected reason -> count, import rejections and topology rejections together
 * @param dates the billing dates, in order
 * @param preview the dates were previewed ({@code run --preview}), not billed
 */
public record RunSummary(long eventsRead, long eventsApplied, long duplicatesIgnored,
                         SortedMap<String, Long> eventsRejected, List<DateResult> dates, boolean preview) {

    public RunSummary {
        eventsRejected = new TreeMap<>(eventsRejected);
        dates = List.copyOf(dates);
    }

    /** Adds counts per reason, as import and topology both reject. */
    public static SortedMap<String, Long> merge(Map<String, Long> a, Map<String, Long> b) {
        SortedMap<String, Long> merged = new TreeMap<>(a);
        b.forEach((reason, count) -> merged.merge(reason, count, Long::sum));
        return merged;
    }

    public long rejectedTotal() {
        return eventsRejected.values().stream().mapToLong(Long::longValue).sum();
    }
}
