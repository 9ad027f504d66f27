package dev.cairn.bench.compare;

import java.util.Map;
import java.util.Objects;

/**
 * One measured system on one workload.
 *
 * @param workload   e.g. {@code W1}, {@code W2 single}
 * @param system     e.g. {@code Cairn file}, {@code Axon JDBC (cache)}
 * @param config     how it was configured, in a few words
 * @param durable    whether an acknowledged write survives a power loss (fsync before the answer)
 * @param throughput operations per second in {@code unit}
 * @param unit       e.g. {@code orders/s}
 * @param p50Micros  median latency of one operation in µs; NaN where latency means nothing (replay)
 * @param p99Micros  99th percentile in µs; NaN likewise
 * @param done       operations measured
 * @param planned    operations planned (less done when the time limit stopped the run)
 * @param seconds    measured wall time
 * @param load1      the 1-minute load average when the run ended (noise from other work)
 * @param versus     the Cairn system this row's ratio divides, or null for Cairn's own rows
 * @param extra      further figures (MB/s, bytes on disk), for the JSON output
 */
record Row(
        String workload,
        String system,
        String config,
        boolean durable,
        double throughput,
        String unit,
        double p50Micros,
        double p99Micros,
        long done,
        long planned,
        double seconds,
        double load1,
        String versus,
        Map<String, Object> extra) {

    Row {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(unit, "unit");
        extra = Map.copyOf(extra);
    }

    boolean isCairn() {
        return system.startsWith("Cairn");
    }

    boolean cutShort() {
        return done < planned;
    }

    static Row failed(
            String workload, String system, String config, boolean durable, String unit, String versus, String error) {
        return new Row(
                workload,
                system,
                config,
                durable,
                Double.NaN,
                unit,
                Double.NaN,
                Double.NaN,
                0,
                0,
                0,
                Machine.load1(),
                versus,
                Map.of("error", error));
    }
}
