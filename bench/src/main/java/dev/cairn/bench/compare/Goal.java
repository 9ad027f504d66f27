package dev.cairn.bench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A goal of issue 6 and how this run did against it: a ratio of Cairn's throughput to a peer's (or
 * to the disk's bandwidth), the target, and whether it was met.
 */
record Goal(String name, double target, double actual) {

    boolean met() {
        return actual >= target;
    }

    static List<Goal> evaluate(List<Row> rows, Map<String, Object> physical) {
        List<Goal> goals = new ArrayList<>();
        ratio(rows, "W1", Compare.CAIRN_FILE, Compare.AXON_MEMORY, 5, goals);
        ratio(rows, "W1", Compare.CAIRN_PG, Compare.AXON_JDBC, 5, goals);
        for (String w2 : List.of(Appends.SINGLE, Appends.BATCH)) {
            ratio(rows, w2, Compare.CAIRN_FILE, Compare.SQLITE, 5, goals);
            ratio(rows, w2, Compare.CAIRN_FILE, Compare.ROCKSDB, 2, goals);
        }
        diskShare(rows, physical, goals);
        ratio(rows, "W3", Compare.CAIRN_MEMORY, Compare.AXON_MEMORY, 10, goals);
        ratio(rows, "W3", Compare.CAIRN_PG, Compare.AXON_JDBC, 10, goals);
        return goals;
    }

    private static void ratio(
            List<Row> rows, String workload, String cairn, String peer, double target, List<Goal> goals) {
        Optional<Row> c = find(rows, workload, cairn);
        Optional<Row> p = find(rows, workload, peer);
        if (c.isPresent() && p.isPresent()) {
            goals.add(new Goal(
                    workload + ": " + cairn + " ÷ " + peer,
                    target,
                    c.get().throughput() / p.get().throughput()));
        }
    }

    /** W2 batches: the bytes Cairn's file store writes per second against the disk's sequential bandwidth. */
    private static void diskShare(List<Row> rows, Map<String, Object> physical, List<Goal> goals) {
        Object disk = physical.get("disk_seq_write_mb_s");
        Optional<Row> c = find(rows, Appends.BATCH, Compare.CAIRN_FILE);
        if (disk instanceof Number mbs
                && c.isPresent()
                && c.get().extra().get("log_mb_per_sec") instanceof Number written) {
            goals.add(new Goal(
                    Appends.BATCH + ": " + Compare.CAIRN_FILE + " MB/s written ÷ disk sequential MB/s",
                    0.5,
                    written.doubleValue() / mbs.doubleValue()));
        }
    }

    static Optional<Row> find(List<Row> rows, String workload, String system) {
        return rows.stream()
                .filter(r -> r.workload().equals(workload) && r.system().equals(system) && r.throughput() > 0)
                .findFirst();
    }
}
