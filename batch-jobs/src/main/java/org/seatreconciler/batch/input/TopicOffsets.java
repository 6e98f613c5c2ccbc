package org.seatreconciler.batch.input;

import java.util.Map;
import java.util.TreeMap;

/** End offsets (partition -> offset) of seats.org-daily and billing.org-plans: what one snapshot reads. */
public record TopicOffsets(Map<Integer, Long> daily, Map<Integer, Long> plans) {

    public TopicOffsets {
        daily = new TreeMap<>(daily);
        plans = new TreeMap<>(plans);
    }
}
