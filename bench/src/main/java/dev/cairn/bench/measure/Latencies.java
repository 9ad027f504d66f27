package dev.cairn.bench.measure;

import java.util.Arrays;

/** Recorded latencies in nanoseconds, one instance per caller so recording never contends. */
public final class Latencies {
    private long[] values = new long[1024];
    private int size;

    public void record(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    /** All callers' latencies, sorted. */
    public static long[] merged(Latencies... all) {
        int total = 0;
        for (Latencies l : all) {
            total += l.size;
        }
        long[] merged = new long[total];
        int at = 0;
        for (Latencies l : all) {
            System.arraycopy(l.values, 0, merged, at, l.size);
            at += l.size;
        }
        Arrays.sort(merged);
        return merged;
    }

    /** The q-quantile (0..1) of sorted values, nearest rank; 0 when there are none. */
    public static long quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
