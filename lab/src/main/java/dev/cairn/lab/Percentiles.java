package dev.cairn.lab;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample, in milliseconds. */
final class Percentiles {

    private Percentiles() {}

    /** @return the p-th percentile (0 < p ≤ 100) of {@code nanos} in ms, or 0 for an empty sample */
    static double millis(long[] nanos, double p) {
        if (nanos.length == 0) {
            return 0;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return Math.round(sorted[Math.max(0, rank - 1)] / 10_000.0) / 100.0;
    }
}
