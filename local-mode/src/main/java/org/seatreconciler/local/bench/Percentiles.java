package org.seatreconciler.local.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of samples (the value below which the given share of samples lie). */
final class Percentiles {

    private final long[] sorted;

    Percentiles(long[] samples) {
        this.sorted = samples.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The smallest sample with at least {@code percent}% of the samples at or below it; 0 with no samples. */
    long at(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("a percentile lies in (0, 100], got " + percent);
        }
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }
}
