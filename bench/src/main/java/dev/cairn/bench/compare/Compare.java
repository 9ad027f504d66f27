package dev.cairn.bench.compare;

import java.util.List;

/**
 * {@code cairn bench compare}: runs W1–W4 on Cairn (memory, file and PostgreSQL stores) and on the
 * peers a Java team would otherwise pick — Axon Framework 4.13, SQLite, RocksDB and PostgreSQL
 * through plain JDBC — in one process, one after the other, with the physical references measured
 * in the same run; prints one table and writes it as JSON and Markdown.
 *
 * <pre>{@code
 * Report report = Compare.run(new CompareOptions(true, Path.of("bench-results/compare"), pgUrl, CompareOptions.ALL_WORKLOADS, Set.of()));
 * }</pre>
 *
 * <p>Every system runs on fresh storage (a new directory, a new PostgreSQL database dropped after),
 * so none reads another's data. A system that fails is reported as such and the run goes on.
 */
public final class Compare {
    static final String CAIRN_MEMORY = "Cairn memory";
    static final String CAIRN_FILE = "Cairn file";
    static final String CAIRN_PG = "Cairn PostgreSQL";
    static final String AXON_MEMORY = "Axon in-memory";
    static final String AXON_MEMORY_DEFAULT = "Axon in-memory, default";
    static final String AXON_JDBC = "Axon JDBC";
    static final String AXON_JDBC_DEFAULT = "Axon JDBC, default";
    static final String SQLITE = "SQLite";
    static final String ROCKSDB = "RocksDB";
    static final String PG_JDBC = "PostgreSQL JDBC";

    /** Axon's tracking processor batch sizes tried for W3 (the fastest is reported; Axon's default is 1). */
    static final int[] AXON_BATCH_SIZES = {1, 10, 100, 1_000};
    /** The JDBC engine's fetch size for W3, tuned for replay (Axon's default is 100). */
    static final int AXON_FETCH = 1_000;

    private Compare() {}

    /** Runs the comparison, prints the table on stdout (progress on stderr), writes the JSON and Markdown files. */
    public static Report run(CompareOptions options) {
        Scale scale = options.quick() ? Scale.quick() : Scale.full();
        Postgres postgres = Postgres.of(options.pgUrl());
        long start = System.nanoTime();
        var machine = Machine.describe();
        System.err.println("bench compare (" + scale.name() + "): load average " + machine.get("load_average_at_start")
                + "; measuring the physical references");
        var physical = PhysicalReference.measure(postgres, scale.physicalSeconds());
        List<Row> rows;
        try (Session session = new Session(scale, postgres, options)) {
            runWorkloads(options, postgres, new Lineup(session));
            rows = session.rows();
        }
        Report report = new Report(
                scale.name(), machine, physical, rows, Machine.loadAverage(), (System.nanoTime() - start) / 1e9);
        report.write(options.json(), options.markdown());
        System.out.println(report.toText());
        System.out.println("Written " + options.json().toAbsolutePath() + " and "
                + options.markdown().toAbsolutePath());
        return report;
    }

    private static void runWorkloads(CompareOptions options, Postgres postgres, Lineup lineup) {
        boolean pg = postgres.reachable();
        if (!pg) {
            System.err.println("bench compare: PostgreSQL is not reachable; the PostgreSQL-backed systems are skipped");
        }
        if (options.workloads().contains("W1")) {
            lineup.commandHandling(pg);
        }
        if (options.workloads().contains("W2")) {
            lineup.appends(pg);
        }
        if (options.workloads().contains("W3")) {
            lineup.replay(pg);
        }
        if (options.workloads().contains("W4")) {
            lineup.endToEnd(pg);
        }
    }
}
