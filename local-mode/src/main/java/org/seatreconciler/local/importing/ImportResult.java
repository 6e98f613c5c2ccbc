package org.seatreconciler.local.importing;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * @param eventsRead non-blank lines read
 * @param published valid events sent to the topic
 * @param rejected input lines rejected, per reason
 */
public record ImportResult(long eventsRead, long published, SortedMap<String, Long> rejected) {

    public ImportResult {
        rejected = new TreeMap<>(rejected);
    }

    public static ImportResult of(long eventsRead, long published, Map<String, Long> rejected) {
        return new ImportResult(eventsRead, published, new TreeMap<>(rejected));
    }
}
