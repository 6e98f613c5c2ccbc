package org.seatreconciler.streams.counting;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many input records this process applied, ignored as duplicates and rejected (by reason). Plain
 * in-memory counters, safe to read from any thread while stream threads write. They count processing
 * attempts: after a crash or an aborted exactly-once transaction the re-processed records are counted
 * again, so they are exact only for a run without failures (the local mode's run summary).
 */
public class EventOutcomes {

    private final LongAdder applied = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();

    public void recordApplied() {
        applied.increment();
    }

    public void recordDuplicate() {
        duplicates.increment();
    }

    public void recordRejected(String reason) {
        rejected.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    public long applied() {
        return applied.sum();
    }

    public long duplicates() {
        return duplicates.sum();
    }

    /** Rejections by reason code, sorted by reason; reasons never seen are absent. */
    public Map<String, Long> rejected() {
        Map<String, Long> snapshot = new TreeMap<>();
        rejected.forEach((reason, count) -> snapshot.put(reason, count.sum()));
        return snapshot;
    }

    /** Rejections for one reason code (0 when never seen). */
    public long rejected(String reason) {
        LongAdder count = rejected.get(reason);
        return count == null ? 0 : count.sum();
    }

    /** All rejections, whatever the reason. */
    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
