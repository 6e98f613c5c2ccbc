package org.seatreconciler.local.pipeline;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the streams topology did with the events it processed.
 *
 * @param rejected reason -> count (SELF_ROLE_CHANGE, UNAUTHORIZED_ROLE_CHANGE, MALFORMED)
 */
public record Outcomes(long applied, long duplicates, SortedMap<String, Long> rejected) {

    public Outcomes {
        rejected = new TreeMap<>(rejected);
    }

    public static Outcomes of(long applied, long duplicates, Map<String, Long> rejected) {
        return new Outcomes(applied, duplicates, new TreeMap<>(rejected));
    }
}
