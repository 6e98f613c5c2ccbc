package org.seatreconciler.local.bench;

import java.time.Duration;

/**
 * Times a consumer group replaying a history that is already on its input topic, from the committed
 * offsets seen at each poll: the whole time from the app's start to no lag, and the steady rate after
 * the first commit, which leaves out the start (JVM, Spring, group join, state stores) and so compares
 * an app's processing with another's however long each takes to start.
 */
final class ReplayTiming {

    /** The shortest time after the first commit that gives a steady rate. */
    static final Duration SHORTEST_STEADY = Duration.ofSeconds(1);

    private final long records;
    private final long startNanos;
    private final long startCpuNanos;
    private long firstCommitNanos = -1;
    private long firstCommitCpuNanos;
    private long firstCommitted;
    private long doneNanos = -1;
    private long doneCpuNanos;
    private long firstCommitThreadNanos = -1;
    private long doneThreadNanos = -1;

    /**
     * @param records  the records on the input topic (the sum of its end offsets)
     * @param startCpuNanos CPU time used so far by the processes doing the work (app and broker)
     */
    ReplayTiming(long records, long startNanos, long startCpuNanos) {
        this.records = records;
        this.startNanos = startNanos;
        this.startCpuNanos = startCpuNanos;
    }

    /**
     * The group's committed offsets (summed over the partitions) at {@code nanos}, with the CPU time used by then
     * and that of the app's stream threads ({@code threadCpuNanos}; -1 where it is not known, e.g. in another JVM).
     */
    void observe(long nanos, long cpuNanos, long threadCpuNanos, long committed) {
        if (done()) {
            return;
        }
        if (committed > 0 && firstCommitNanos < 0) {
            firstCommitNanos = nanos;
            firstCommitCpuNanos = cpuNanos;
            firstCommitThreadNanos = threadCpuNanos;
            firstCommitted = committed;
        }
        if (committed >= records) {
            doneNanos = nanos;
            doneCpuNanos = cpuNanos;
            doneThreadNanos = threadCpuNanos;
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
        double cpuPerRecord = perRecordMicros(doneCpuNanos - startCpuNanos, records);
        if (records == 0 || firstCommitNanos < 0 || firstCommitted >= records) {
            // everything came in one commit: no steady part to tell apart
            return new Replay(records, total, total, Rates.perSecond(records, total), Rates.perSecond(records, total),
                    cpuPerRecord, cpuPerRecord, Double.NaN);
        }
        Duration untilFirstCommit = Duration.ofNanos(firstCommitNanos - startNanos);
        Duration steady = Duration.ofNanos(doneNanos - firstCommitNanos);
        if (steady.compareTo(SHORTEST_STEADY) < 0) {
            // polled every 100 ms, with commits a second apart: too short a window to say anything
            return new Replay(records, total, untilFirstCommit, Rates.perSecond(records, total), Double.NaN,
                    cpuPerRecord, Double.NaN, Double.NaN);
        }
        double threadsOnCore = firstCommitThreadNanos < 0 || doneThreadNanos < firstCommitThreadNanos ? Double.NaN
                : (doneThreadNanos - firstCommitThreadNanos) / (double) steady.toNanos();
        return new Replay(records, total, untilFirstCommit, Rates.perSecond(records, total),
                Rates.perSecond(records - firstCommitted, steady), cpuPerRecord,
                perRecordMicros(doneCpuNanos - firstCommitCpuNanos, records - firstCommitted), threadsOnCore);
    }

    private static double perRecordMicros(long cpuNanos, long records) {
        return records == 0 ? 0 : cpuNanos / 1_000.0 / records;
    }

    /**
     * The wall-clock figures depend on what else the machine runs; the CPU figures much less, so they
     * compare two runs made under different loads.
     *
     * @param total            the app's start to no lag
     * @param untilFirstCommit the app's start to its first committed offset
     * @param rate             records over the total time
     * @param steadyRate       records committed after the first commit, over the time since; NaN when the
     *                         replay ended less than {@link #SHORTEST_STEADY} after its first commit
     * @param cpuMicros        CPU time of the app's and the broker's processes per record, start to no lag
     * @param steadyCpuMicros  the same after the first commit
     * @param streamThreadsOnCore after the first commit, the CPU time of the app's stream threads per second of
     *                         wall time (1.0: one thread busy all the time); NaN when not measured (the app in
     *                         its own JVM) or without a steady part. Near the number of threads, the replay is
     *                         bound by them, not by the broker
     */
    record Replay(long records, Duration total, Duration untilFirstCommit, double rate, double steadyRate,
                  double cpuMicros, double steadyCpuMicros, double streamThreadsOnCore) {
    }
}
