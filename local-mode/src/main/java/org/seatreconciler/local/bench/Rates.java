package org.seatreconciler.local.bench;

import java.time.Duration;

/** Rates and ratios as the benchmark prints them. */
final class Rates {

    private Rates() {
    }

    /** {@code count} per second of {@code elapsed}; an elapsed time under a millisecond counts as one. */
    static double perSecond(long count, Duration elapsed) {
        return count / Math.max(elapsed.toNanos() / 1e9, 0.001);
    }

    /** {@code part / whole}, or NaN when the whole is not a positive figure (not measured). */
    static double ratio(double part, double whole) {
        return whole > 0 && !Double.isNaN(part) ? part / whole : Double.NaN;
    }
}
