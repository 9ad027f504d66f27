package dev.cairn.bench.compare;

import dev.cairn.bench.measure.ScratchDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One comparison run's context: its sizes, the PostgreSQL server, a scratch directory (deleted on
 * close), and the rows measured so far. A system that fails becomes a row saying so.
 */
final class Session implements AutoCloseable {
    private final Scale scale;
    private final Postgres postgres;
    private final CompareOptions options;
    private final Path work;
    private final List<Row> rows = new ArrayList<>();

    Session(Scale scale, Postgres postgres, CompareOptions options) {
        this.scale = scale;
        this.postgres = postgres;
        this.options = options;
        this.work = ScratchDirectory.create("cairn-compare-");
    }

    Scale scale() {
        return scale;
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    interface OnDatabase<T> {
        T run(String jdbcUrl) throws Exception;
    }

    <T> T onDatabase(String database, OnDatabase<T> work) throws Exception {
        String url = postgres.create(database);
        try {
            return work.run(url);
        } finally {
            postgres.drop(database);
        }
    }

    interface Attempt<T> {
        T run() throws Exception;
    }

    void attempt(String workload, String system, Attempt<Row> run) {
        attemptAll(workload, system, () -> List.of(run.run()));
    }

    /** Runs one system's measurements; a failure becomes a row saying so, and the comparison goes on. */
    void attemptAll(String workload, String system, Attempt<List<Row>> run) {
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

    Path dir(String name) throws IOException {
        return Files.createDirectories(work.resolve(name));
    }

    @Override
    public void close() {
        try {
            ScratchDirectory.delete(work);
        } catch (UncheckedIOException e) {
            // the results are measured already: a scratch file left behind is only worth a warning
            System.err.println("bench compare: could not delete " + work + ": " + e.getCause());
        }
    }
}
