package org.seatreconciler.local.bench;

import java.time.Duration;

/**
 * Times a consumer group replaying a history that is already on its input topic, from the committed
 * offsets seen at each poll: the whole time from the app's start to no lag, and the steady rate after
 * the first commit, which leaves out the start (JVM, Spring, group join, state stores) and so compares
 * an app's processing with another's however long each takes to start.
 */
final class ReplayTiming {

    private final long records;
    private final long startNanos;
    private long firstCommitNanos = -1;
    private long firstCommitted;
    private long doneNanos = -1;

    /** @param records the records on the input topic (the sum of its end offsets) */
    ReplayTiming(long records, long startNanos) {
        this.records = records;
        this.startNanos = startNanos;
    }

    /** The group's committed offsets (summed over the partitions) at {@code nanos}. */
    void observe(long nanos, long committed) {
        if (done()) {
            return;
        }
        if (committed > 0 && firstCommitNanos < 0) {
            firstCommitNanos = nanos;
            firstCommitted = committed;
        }
        if (committed >= records) {
            doneNanos = nanos;
        }
    }

    boolean done() {
        return doneNanos >= 0;
    }

    Replay result() {
        if (!done()) {
            throw new IllegalStateException("the replay has not reached the end of its input");
        }
        Duration total = Duration.ofNanos(doneNanos - startNanos);
        if (records == 0 || firstCommitNanos < 0 || firstCommitted >= records) {
            // everything came in one commit: no steady part to tell apart
            return new Replay(records, total, total, Rates.perSecond(records, total), Rates.perSecond(records, total));
        }
        Duration untilFirstCommit = Duration.ofNanos(firstCommitNanos - startNanos);
        Duration steady = Duration.ofNanos(doneNanos - firstCommitNanos);
        return new Replay(records, total, untilFirstCommit, Rates.perSecond(records, total),
                Rates.perSecond(records - firstCommitted, steady));
    }

    /**
     * @param total            the app's start to no lag
     * @param untilFirstCommit the app's start to its first committed offset
     * @param rate             records over the total time
     * @param steadyRate       records committed after the first commit, over the time since
     */
    record Replay(long records, Duration total, Duration untilFirstCommit, double rate, double steadyRate) {
    }
}
