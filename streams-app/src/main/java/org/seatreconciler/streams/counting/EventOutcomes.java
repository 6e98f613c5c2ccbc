package org.seatreconciler.streams.counting;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.seatreconciler.streams.rejection.RejectionSummary;

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
    private final RejectionSummary sinceLastSummary = new RejectionSummary();

    public void recordApplied() {
        applied.increment();
    }

    public void recordDuplicate() {
        duplicates.increment();
    }

    /**
     * @param source where the record came from ({@code topic-partition@offset}), for the periodic summary
     * @param detail what was wrong, for the periodic summary's first example
     */
    public void recordRejected(String reason, String source, String detail) {
        rejected.computeIfAbsent(reason, r -> new LongAdder()).increment();
        sinceLastSummary.record(reason, source, detail);
    }

    /** Rejections since the previous call, per reason with the first example: the periodic log summary. */
    public List<RejectionSummary.Line> drainRejectionSummary() {
        return sinceLastSummary.drain();
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
