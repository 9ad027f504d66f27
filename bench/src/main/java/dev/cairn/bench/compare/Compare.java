package dev.cairn.bench.compare;

import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.processing.DirectoryCheckpointStore;
import dev.cairn.core.processing.InMemoryCheckpointStore;
import dev.cairn.eventstore.file.FileEventStore;
import dev.cairn.eventstore.postgres.PostgresCheckpointStore;
import dev.cairn.eventstore.postgres.PostgresEventStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

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
    private static final int PG_CONNECTIONS = Scale.W1_CALLERS + 2;

    private final Scale scale;
    private final Postgres postgres;
    private final Path work;
    private final CompareOptions options;
    private final List<Row> rows = new ArrayList<>();

    private Compare(Scale scale, Postgres postgres, Path work, CompareOptions options) {
        this.scale = scale;
        this.postgres = postgres;
        this.work = work;
        this.options = options;
    }

    /** Runs the comparison, prints the table on stdout (progress on stderr), writes the JSON and Markdown files. */
    public static Report run(CompareOptions options) {
        Scale scale = options.quick() ? Scale.quick() : Scale.full();
        Postgres postgres = Postgres.of(options.pgUrl());
        long start = System.nanoTime();
        var machine = Machine.describe();
        System.err.println("bench compare (" + scale.name() + "): load average " + machine.get("load_average_at_start") + "; measuring the physical references");
        var physical = PhysicalReference.measure(postgres, scale.physicalSeconds());
        Path work = createTempDirectory();
        Compare compare = new Compare(scale, postgres, work, options);
        try {
            compare.runWorkloads();
        } finally {
            deleteRecursively(work);
        }
        Report report = new Report(scale.name(), machine, physical, compare.rows, Machine.loadAverage(), (System.nanoTime() - start) / 1e9);
        report.write(options.json(), options.markdown());
        System.out.println(report.toText());
        System.out.println("Written " + options.json().toAbsolutePath() + " and " + options.markdown().toAbsolutePath());
        return report;
    }

    private void runWorkloads() {
        boolean pg = postgres.reachable();
        if (!pg) {
            System.err.println("bench compare: PostgreSQL is not reachable; the PostgreSQL-backed systems are skipped");
        }
        if (options.workloads().contains("W1")) {
            commandHandling(pg);
        }
        if (options.workloads().contains("W2")) {
            appends(pg);
        }
        if (options.workloads().contains("W3")) {
            replay(pg);
        }
        if (options.workloads().contains("W4")) {
            endToEnd(pg);
        }
    }

    private void commandHandling(boolean pg) {
        CommandHandling w1 = new CommandHandling(scale);
        String cairnConfig = "CommandHandler, state cache 10k";
        attempt(CommandHandling.WORKLOAD, CAIRN_MEMORY, () -> {
            try (var store = new InMemoryEventStore()) {
                return w1.cairn(CAIRN_MEMORY, store, false, cairnConfig);
            }
        });
        attempt(CommandHandling.WORKLOAD, CAIRN_FILE, () -> {
            try (var store = FileEventStore.open(dir("w1-file"))) {
                return w1.cairn(CAIRN_FILE, store, true, cairnConfig + ", group commit");
            }
        });
        if (pg) {
            attempt(CommandHandling.WORKLOAD, CAIRN_PG, () -> onDatabase("cairn_bench_cairn", url -> {
                try (var store = PostgresEventStore.open(url)) {
                    return w1.cairn(CAIRN_PG, store, true, cairnConfig + ", group commit");
                }
            }));
        }
        axonCommandHandling(w1, true, AXON_MEMORY, CAIRN_FILE);
        axonCommandHandling(w1, false, AXON_MEMORY_DEFAULT, CAIRN_FILE);
        if (pg) {
            axonJdbcCommandHandling(w1, true, AXON_JDBC, CAIRN_PG);
            axonJdbcCommandHandling(w1, false, AXON_JDBC_DEFAULT, CAIRN_PG);
        }
    }

    private void axonCommandHandling(CommandHandling w1, boolean cached, String system, String versus) {
        attempt(CommandHandling.WORKLOAD, system, () -> {
            try (var axon = AxonSystem.inMemory()) {
                return w1.axon(system, axon.gateway(cached), false, axonConfig(cached), versus, cached);
            }
        });
    }

    private void axonJdbcCommandHandling(CommandHandling w1, boolean cached, String system, String versus) {
        attempt(CommandHandling.WORKLOAD, system, () -> onDatabase("cairn_bench_axon", url -> {
            try (var axon = AxonSystem.jdbc(url, PG_CONNECTIONS, 100)) {
                return w1.axon(system, axon.gateway(cached), true, axonConfig(cached) + ", transaction per command", versus, cached);
            }
        }));
    }

    private static String axonConfig(boolean cached) {
        return "SimpleCommandBus, EventSourcingRepository" + (cached ? ", WeakReferenceCache" : ", no cache");
    }

    private void appends(boolean pg) {
        Appends w2 = new Appends(scale);
        attemptAll(Appends.SINGLE, CAIRN_FILE, () -> {
            try (var store = FileEventStore.open(dir("w2-file"))) {
                return w2.run(CAIRN_FILE, "group commit, fsync", true, null, (s, e, ev) -> store.append(s, e, ev).lastVersion(), () -> store.metrics().bytes());
            }
        });
        if (pg) {
            attemptAll(Appends.SINGLE, CAIRN_PG, () -> onDatabase("cairn_bench_cairn", url -> {
                try (var store = PostgresEventStore.open(url)) {
                    return w2.run(CAIRN_PG, "group commit", true, null, (s, e, ev) -> store.append(s, e, ev).lastVersion(), null);
                }
            }));
        }
        attemptAll(Appends.SINGLE, SQLITE, () -> {
            try (var log = new SqliteEventLog(dir("w2-sqlite").resolve("events.db"))) {
                return w2.run(SQLITE, "WAL, synchronous=FULL, one writer connection", true, CAIRN_FILE, log::append, null);
            }
        });
        attemptAll(Appends.SINGLE, ROCKSDB, () -> {
            try (var log = new RocksEventLog(dir("w2-rocksdb"))) {
                return w2.run(ROCKSDB, "TransactionDB, sync writes", true, CAIRN_FILE, log::append, null);
            }
        });
        if (pg) {
            attemptAll(Appends.SINGLE, PG_JDBC, () -> onDatabase("cairn_bench_jdbc", url -> {
                try (var log = new JdbcEventLog(url, PG_CONNECTIONS)) {
                    return w2.run(PG_JDBC, "transaction per append, " + PG_CONNECTIONS + " connections", true, CAIRN_PG, log::append, null);
                }
            }));
        }
    }

    private void replay(boolean pg) {
        Replay w3 = new Replay(scale);
        attempt(Replay.WORKLOAD, CAIRN_MEMORY, () -> {
            try (var store = new InMemoryEventStore()) {
                w3.preload((s, e, ev) -> store.append(s, e, ev).lastVersion());
                return w3.cairn(CAIRN_MEMORY, store, false, "TrackingProcessor, batch 500");
            }
        });
        attempt(Replay.WORKLOAD, CAIRN_FILE, () -> {
            try (var store = FileEventStore.open(dir("w3-file"))) {
                w3.preload((s, e, ev) -> store.append(s, e, ev).lastVersion());
                return w3.cairn(CAIRN_FILE, store, true, "TrackingProcessor, batch 500");
            }
        });
        if (pg) {
            attempt(Replay.WORKLOAD, CAIRN_PG, () -> onDatabase("cairn_bench_cairn", url -> {
                try (var store = PostgresEventStore.open(url)) {
                    w3.preload((s, e, ev) -> store.append(s, e, ev).lastVersion());
                    return w3.cairn(CAIRN_PG, store, true, "TrackingProcessor, batch 500");
                }
            }));
        }
        axonReplay(w3, pg);
        peerReplay(w3, pg);
    }

    private void axonReplay(Replay w3, boolean pg) {
        attemptAll(Replay.WORKLOAD, AXON_MEMORY, () -> {
            try (var axon = AxonSystem.inMemory()) {
                w3.preload(axon);
                return List.of(w3.axonTuned(AXON_MEMORY, axon, AXON_BATCH_SIZES, false, "TrackingEventProcessor, batch %d (fastest tried)", CAIRN_MEMORY),
                        w3.axon(AXON_MEMORY_DEFAULT, axon, 1, false, "TrackingEventProcessor, batch 1", CAIRN_MEMORY));
            }
        });
        if (pg) {
            attemptAll(Replay.WORKLOAD, AXON_JDBC, () -> onDatabase("cairn_bench_axon", url -> {
                try (var tuned = AxonSystem.jdbc(url, 4, AXON_FETCH); var plain = AxonSystem.jdbc(url, 4, 100)) {
                    w3.preload(tuned);
                    return List.of(w3.axonTuned(AXON_JDBC, tuned, AXON_BATCH_SIZES, true,
                                    "TrackingEventProcessor, batch %d (fastest tried), fetch " + AXON_FETCH, CAIRN_PG),
                            w3.axon(AXON_JDBC_DEFAULT, plain, 1, true, "TrackingEventProcessor, batch 1, fetch 100", CAIRN_PG));
                }
            }));
        }
    }

    private void peerReplay(Replay w3, boolean pg) {
        attempt(Replay.WORKLOAD, SQLITE, () -> {
            try (var log = new SqliteEventLog(dir("w3-sqlite").resolve("events.db"))) {
                w3.preload(log::append);
                return w3.peer(SQLITE, log, "pages of 1,000 by rowid", CAIRN_FILE);
            }
        });
        attempt(Replay.WORKLOAD, ROCKSDB, () -> {
            try (var log = new RocksEventLog(dir("w3-rocksdb"))) {
                w3.preload(log::append);
                return w3.peer(ROCKSDB, log, "iterator pages of 1,000", CAIRN_FILE);
            }
        });
        if (pg) {
            attempt(Replay.WORKLOAD, PG_JDBC, () -> onDatabase("cairn_bench_jdbc", url -> {
                try (var log = new JdbcEventLog(url, 4)) {
                    w3.preload(log::append);
                    return w3.peer(PG_JDBC, log, "pages of 1,000 by position", CAIRN_PG);
                }
            }));
        }
    }

    private void endToEnd(boolean pg) {
        EndToEnd w4 = new EndToEnd(scale);
        String config = "7 contexts in-process, HTTP, " + Scale.W4_CONCURRENCY + " orders in flight";
        attempt(EndToEnd.WORKLOAD, CAIRN_MEMORY, () -> {
            try (var store = new InMemoryEventStore()) {
                return w4.cairn(CAIRN_MEMORY, store, new InMemoryCheckpointStore(), false, config);
            }
        });
        attempt(EndToEnd.WORKLOAD, CAIRN_FILE, () -> {
            Path dir = dir("w4-file");
            try (var store = FileEventStore.open(dir.resolve("log"))) {
                return w4.cairn(CAIRN_FILE, store, new DirectoryCheckpointStore(dir.resolve("checkpoints")), true, config);
            }
        });
        if (pg) {
            attempt(EndToEnd.WORKLOAD, CAIRN_PG, () -> onDatabase("cairn_bench_cairn", url -> {
                try (var store = PostgresEventStore.open(url)) {
                    return w4.cairn(CAIRN_PG, store, PostgresCheckpointStore.of(store), true, config);
                }
            }));
        }
    }

    private interface OnDatabase<T> {
        T run(String jdbcUrl) throws Exception;
    }

    private <T> T onDatabase(String database, OnDatabase<T> work) throws Exception {
        String url = postgres.create(database);
        try {
            return work.run(url);
        } finally {
            postgres.drop(database);
        }
    }

    private interface Attempt<T> {
        T run() throws Exception;
    }

    private void attempt(String workload, String system, Attempt<Row> run) {
        attemptAll(workload, system, () -> List.of(run.run()));
    }

    /** Runs one system's measurements; a failure becomes a row saying so, and the comparison goes on. */
    private void attemptAll(String workload, String system, Attempt<List<Row>> run) {
        if (!options.includes(system)) {
            return;
        }
        System.gc();
        try {
            List<Row> measured = run.run();
            rows.addAll(measured);
            for (Row row : measured) {
                System.err.println(Report.oneLine(row));
            }
        } catch (Exception | LinkageError e) {
            System.err.println("bench compare: " + workload + " " + system + " failed: " + e);
            e.printStackTrace();
            rows.add(Row.failed(workload, system, "", false, "", null, e.toString()));
        }
    }

    private Path dir(String name) throws IOException {
        return Files.createDirectories(work.resolve(name));
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("cairn-compare-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("bench compare: could not delete " + dir + ": " + e);
        }
    }
}
