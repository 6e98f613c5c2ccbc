package org.seatreconciler.batch.input;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * What one run of the nightly job (one call that bills the dates {@code from .. to}) does once rather than
 * once per date: the catch-up check of the streams app, taking the topics' end offsets, and reading the
 * topics up to them. A date restarted from an earlier attempt reads up to that attempt's offsets instead
 * (kept in its step's ExecutionContext), which is a read of its own.
 */
public final class BillingSession {

    private final LocalDate from;
    private final LocalDate to;
    private final TopicReads reads;
    private final Map<TopicOffsets, BillingSnapshot> snapshots = new HashMap<>();
    private boolean caughtUp;
    private TopicOffsets fresh;

    BillingSession(LocalDate from, LocalDate to, TopicReads reads) {
        this.from = from;
        this.to = to;
        this.reads = reads;
    }

    boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** Whether the streams app has been seen caught up in this run. */
    public synchronized boolean caughtUp() {
        return caughtUp;
    }

    public synchronized void markCaughtUp() {
        caughtUp = true;
    }

    /** The topics' end offsets, taken at the first call of the run (after the catch-up check). */
    public synchronized TopicOffsets freshOffsets() {
        if (fresh == null) {
            fresh = reads.endOffsets();
        }
        return fresh;
    }

    /** The topics read up to {@code offsets}, once per run and offsets. */
    public synchronized BillingSnapshot snapshot(TopicOffsets offsets) {
        return snapshots.computeIfAbsent(offsets, o -> reads.read(o, from, to));
    }
}
