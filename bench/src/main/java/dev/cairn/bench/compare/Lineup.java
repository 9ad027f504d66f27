package dev.cairn.bench.compare;

import static dev.cairn.bench.compare.Compare.*;

import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.processing.InMemoryCheckpointStore;
import dev.cairn.eventstore.file.DirectoryCheckpointStore;
import dev.cairn.eventstore.file.FileEventStore;
import dev.cairn.eventstore.postgres.PostgresCheckpointStore;
import dev.cairn.eventstore.postgres.PostgresEventStore;
import java.nio.file.Path;
import java.util.List;

/** Which systems each workload runs on, and how each is opened: fresh storage every time. */
final class Lineup {
    private static final int PG_CONNECTIONS = Scale.W1_CALLERS + 2;

    private final Session session;

    Lineup(Session session) {
        this.session = session;
    }

    void commandHandling(boolean pg) {
        CommandHandling w1 = new CommandHandling(session.scale());
        String cairnConfig = "CommandHandler, state cache 10k";
        session.attempt(CommandHandling.WORKLOAD, CAIRN_MEMORY, () -> {
            try (var store = new InMemoryEventStore()) {
                return w1.cairn(CAIRN_MEMORY, store, false, cairnConfig);
            }
        });
        session.attempt(CommandHandling.WORKLOAD, CAIRN_FILE, () -> {
            try (var store = FileEventStore.open(session.dir("w1-file"))) {
                return w1.cairn(CAIRN_FILE, store, true, cairnConfig + ", group commit");
            }
        });
        if (pg) {
            session.attempt(
                    CommandHandling.WORKLOAD,
                    CAIRN_PG,
                    () -> onCairnPostgres(store -> w1.cairn(CAIRN_PG, store, true, cairnConfig + ", group commit")));
        }
        axonCommandHandling(w1, true, AXON_MEMORY, CAIRN_FILE);
        axonCommandHandling(w1, false, AXON_MEMORY_DEFAULT, CAIRN_FILE);
        if (pg) {
            axonJdbcCommandHandling(w1, true, AXON_JDBC, CAIRN_PG);
            axonJdbcCommandHandling(w1, false, AXON_JDBC_DEFAULT, CAIRN_PG);
        }
    }

    private void axonCommandHandling(CommandHandling w1, boolean cached, String system, String versus) {
        session.attempt(CommandHandling.WORKLOAD, system, () -> {
            try (var axon = AxonSystem.inMemory()) {
                return w1.axon(system, axon.gateway(cached), false, axonConfig(cached), versus, cached);
            }
        });
    }

    private void axonJdbcCommandHandling(CommandHandling w1, boolean cached, String system, String versus) {
        session.attempt(
                CommandHandling.WORKLOAD,
                system,
                () -> session.onDatabase("cairn_bench_axon", url -> {
                    try (var axon = AxonSystem.jdbc(url, PG_CONNECTIONS, 100)) {
                        return w1.axon(
                                system,
                                axon.gateway(cached),
                                true,
                                axonConfig(cached) + ", transaction per command",
                                versus,
                                cached);
                    }
                }));
    }

    private static String axonConfig(boolean cached) {
        return "SimpleCommandBus, EventSourcingRepository" + (cached ? ", WeakReferenceCache" : ", no cache");
    }

    void appends(boolean pg) {
        Appends w2 = new Appends(session.scale());
        session.attemptAll(Appends.SINGLE, CAIRN_FILE, () -> {
            try (var store = FileEventStore.open(session.dir("w2-file"))) {
                return w2.run(
                        CAIRN_FILE,
                        "group commit, fsync",
                        true,
                        null,
                        (s, e, ev) -> store.append(s, e, ev).lastVersion(),
                        () -> store.metrics().bytes());
            }
        });
        if (pg) {
            session.attemptAll(
                    Appends.SINGLE,
                    CAIRN_PG,
                    () -> onCairnPostgres(store -> w2.run(
                            CAIRN_PG,
                            "group commit",
                            true,
                            null,
                            (s, e, ev) -> store.append(s, e, ev).lastVersion(),
                            null)));
        }
        session.attemptAll(Appends.SINGLE, SQLITE, () -> {
            try (var log = new SqliteEventLog(session.dir("w2-sqlite").resolve("events.db"))) {
                return w2.run(
                        SQLITE, "WAL, synchronous=FULL, one writer connection", true, CAIRN_FILE, log::append, null);
            }
        });
        session.attemptAll(Appends.SINGLE, ROCKSDB, () -> {
            try (var log = new RocksEventLog(session.dir("w2-rocksdb"))) {
                return w2.run(ROCKSDB, "TransactionDB, sync writes", true, CAIRN_FILE, log::append, null);
            }
        });
        if (pg) {
            session.attemptAll(
                    Appends.SINGLE,
                    PG_JDBC,
                    () -> session.onDatabase("cairn_bench_jdbc", url -> {
                        try (var log = new JdbcEventLog(url, PG_CONNECTIONS)) {
                            return w2.run(
                                    PG_JDBC,
                                    "transaction per append, " + PG_CONNECTIONS + " connections",
                                    true,
                                    CAIRN_PG,
                                    log::append,
                                    null);
                        }
                    }));
        }
    }

    void replay(boolean pg) {
        Replay w3 = new Replay(session.scale());
        session.attempt(Replay.WORKLOAD, CAIRN_MEMORY, () -> {
            try (var store = new InMemoryEventStore()) {
                w3.preload((s, e, ev) -> store.append(s, e, ev).lastVersion());
                return w3.cairn(CAIRN_MEMORY, store, false, "TrackingProcessor, batch 500");
            }
        });
        session.attempt(Replay.WORKLOAD, CAIRN_FILE, () -> {
            try (var store = FileEventStore.open(session.dir("w3-file"))) {
                w3.preload((s, e, ev) -> store.append(s, e, ev).lastVersion());
                return w3.cairn(CAIRN_FILE, store, true, "TrackingProcessor, batch 500");
            }
        });
        if (pg) {
            session.attempt(
                    Replay.WORKLOAD,
                    CAIRN_PG,
                    () -> onCairnPostgres(store -> {
                        w3.preload((s, e, ev) -> store.append(s, e, ev).lastVersion());
                        return w3.cairn(CAIRN_PG, store, true, "TrackingProcessor, batch 500");
                    }));
        }
        axonReplay(w3, pg);
        peerReplay(w3, pg);
    }

    private void axonReplay(Replay w3, boolean pg) {
        session.attemptAll(Replay.WORKLOAD, AXON_MEMORY, () -> {
            try (var axon = AxonSystem.inMemory()) {
                w3.preload(axon);
                return List.of(
                        w3.axonTuned(
                                AXON_MEMORY,
                                axon,
                                AXON_BATCH_SIZES,
                                false,
                                "TrackingEventProcessor, batch %d (fastest tried)",
                                CAIRN_MEMORY),
                        w3.axon(AXON_MEMORY_DEFAULT, axon, 1, false, "TrackingEventProcessor, batch 1", CAIRN_MEMORY));
            }
        });
        if (pg) {
            session.attemptAll(
                    Replay.WORKLOAD,
                    AXON_JDBC,
                    () -> session.onDatabase("cairn_bench_axon", url -> {
                        try (var tuned = AxonSystem.jdbc(url, 4, AXON_FETCH);
                                var plain = AxonSystem.jdbc(url, 4, 100)) {
                            w3.preload(tuned);
                            return List.of(
                                    w3.axonTuned(
                                            AXON_JDBC,
                                            tuned,
                                            AXON_BATCH_SIZES,
                                            true,
                                            "TrackingEventProcessor, batch %d (fastest tried), fetch " + AXON_FETCH,
                                            CAIRN_PG),
                                    w3.axon(
                                            AXON_JDBC_DEFAULT,
                                            plain,
                                            1,
                                            true,
                                            "TrackingEventProcessor, batch 1, fetch 100",
                                            CAIRN_PG));
                        }
                    }));
        }
    }

    private void peerReplay(Replay w3, boolean pg) {
        session.attempt(Replay.WORKLOAD, SQLITE, () -> {
            try (var log = new SqliteEventLog(session.dir("w3-sqlite").resolve("events.db"))) {
                w3.preload(log::append);
                return w3.peer(SQLITE, log, "pages of 1,000 by rowid", CAIRN_FILE);
            }
        });
        session.attempt(Replay.WORKLOAD, ROCKSDB, () -> {
            try (var log = new RocksEventLog(session.dir("w3-rocksdb"))) {
                w3.preload(log::append);
                return w3.peer(ROCKSDB, log, "iterator pages of 1,000", CAIRN_FILE);
            }
        });
        if (pg) {
            session.attempt(
                    Replay.WORKLOAD,
                    PG_JDBC,
                    () -> session.onDatabase("cairn_bench_jdbc", url -> {
                        try (var log = new JdbcEventLog(url, 4)) {
                            w3.preload(log::append);
                            return w3.peer(PG_JDBC, log, "pages of 1,000 by position", CAIRN_PG);
                        }
                    }));
        }
    }

    void endToEnd(boolean pg) {
        EndToEnd w4 = new EndToEnd(session.scale());
        String config = "7 contexts in-process, HTTP, " + Scale.W4_CONCURRENCY + " orders in flight";
        session.attempt(EndToEnd.WORKLOAD, CAIRN_MEMORY, () -> {
            try (var store = new InMemoryEventStore()) {
                return w4.cairn(CAIRN_MEMORY, store, new InMemoryCheckpointStore(), false, config);
            }
        });
        session.attempt(EndToEnd.WORKLOAD, CAIRN_FILE, () -> {
            Path dir = session.dir("w4-file");
            try (var store = FileEventStore.open(dir.resolve("log"))) {
                return w4.cairn(
                        CAIRN_FILE, store, new DirectoryCheckpointStore(dir.resolve("checkpoints")), true, config);
            }
        });
        if (pg) {
            session.attempt(
                    EndToEnd.WORKLOAD,
                    CAIRN_PG,
                    () -> onCairnPostgres(
                            store -> w4.cairn(CAIRN_PG, store, PostgresCheckpointStore.of(store), true, config)));
        }
    }

    interface OnCairnPostgres<T> {
        T run(PostgresEventStore store) throws Exception;
    }

    /** Every workload measures Cairn's PostgreSQL store alike: opened on a fresh database, dropped after. */
    private <T> T onCairnPostgres(OnCairnPostgres<T> measure) throws Exception {
        return session.onDatabase("cairn_bench_cairn", url -> {
            try (var store = PostgresEventStore.open(url)) {
                return measure.run(store);
            }
        });
    }
}
