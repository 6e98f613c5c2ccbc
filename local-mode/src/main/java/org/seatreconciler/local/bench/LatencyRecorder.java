package org.seatreconciler.local.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Matches each event sent with the first count record that shows its effect. Event {@code i} belongs to
 * organisation {@code i % orgs} (the order {@link LatencyLoad} sends them in), and every event changes
 * its organisation's counts. A count record carries the event time of the last change it includes, so
 * it names the latest event {@code j} it shows; it also shows every earlier event of that organisation
 * not seen yet (several changes of one key between two commits may be published as one record).
 * Sending and seeing run on different threads; {@link #summary} is read after both stopped.
 */
final class LatencyRecorder {

    private final int orgs;
    private final AtomicLongArray sentNanos;
    private final long[] latencyNanos;
    private final int[] nextUnseen;

    LatencyRecorder(int orgs, int events) {
        this.orgs = orgs;
        this.sentNanos = new AtomicLongArray(events);
        this.latencyNanos = new long[events];
        Arrays.fill(latencyNanos, -1);
        this.nextUnseen = new int[orgs];
        for (int org = 0; org < orgs; org++) {
            nextUnseen[org] = org;
        }
    }

    void sent(int event, long nanos) {
        sentNanos.set(event, nanos);
    }

    /** A count record showing event {@code event} (and its organisation's earlier ones) arrived at {@code nanos}. */
    synchronized void seen(int event, long nanos) {
        if (event < 0 || event >= latencyNanos.length) {
            return;
        }
        int org = event % orgs;
        for (int i = nextUnseen[org]; i <= event; i += orgs) {
            latencyNanos[i] = nanos - sentNanos.get(i);
        }
        nextUnseen[org] = Math.max(nextUnseen[org], event + orgs);
    }

    /** Whether every one of the first {@code sent} events has been seen. */
    synchronized boolean allSeen(int sent) {
        for (int org = 0; org < Math.min(orgs, sent); org++) {
            if (nextUnseen[org] < sent) {
                return false;
            }
        }
        return true;
    }

    /** Latencies of the first {@code sent} events; those never seen are counted apart. */
    synchronized Summary summary(int sent) {
        long[] seen = Arrays.stream(latencyNanos, 0, sent).filter(l -> l >= 0).toArray();
        Percentiles p = new Percentiles(seen);
        return new Summary(sent, sent - seen.length, Duration.ofNanos(p.at(50)), Duration.ofNanos(p.at(99)),
                Duration.ofNanos(p.max()));
    }

    /** @param unseen events whose effect never showed within the wait */
    record Summary(int events, int unseen, Duration p50, Duration p99, Duration max) {
    }
}
