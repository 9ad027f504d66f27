package dev.cairn.bench.compare;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link Compare#run} does.
 *
 * @param quick     scaled-down counts (minutes instead of the full sizes)
 * @param out       where the results go: {@code out} with {@code .json} and {@code .md} (any extension of {@code out} replaced)
 * @param pgUrl     JDBC URL of the PostgreSQL server (its database is only used to create and drop one database per system)
 * @param workloads which of {@code W1}..{@code W4} to run
 * @param systems   run only the systems whose names contain one of these (case-insensitive); empty runs all
 */
public record CompareOptions(boolean quick, Path out, String pgUrl, Set<String> workloads, Set<String> systems) {

    public static final Set<String> ALL_WORKLOADS = Set.of("W1", "W2", "W3", "W4");

    public CompareOptions {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(pgUrl, "pgUrl");
        workloads = Set.copyOf(workloads);
        systems = Set.copyOf(systems);
        if (workloads.isEmpty() || !ALL_WORKLOADS.containsAll(workloads)) {
            throw new IllegalArgumentException("workloads must be some of " + ALL_WORKLOADS + ", was " + workloads);
        }
    }

    /** Everything, full sizes, results in {@code bench-results/compare.{json,md}}, PostgreSQL on 127.0.0.1:5432 as user postgres. */
    public static CompareOptions defaults() {
        return new CompareOptions(
                false,
                Path.of("bench-results", "compare"),
                "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres",
                ALL_WORKLOADS,
                Set.of());
    }

    boolean includes(String system) {
        return systems.isEmpty()
                || systems.stream()
                        .anyMatch(s -> system.toLowerCase(Locale.ROOT).contains(s.toLowerCase(Locale.ROOT)));
    }

    public Path json() {
        return withExtension(".json");
    }

    public Path markdown() {
        return withExtension(".md");
    }

    private Path withExtension(String extension) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return out.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
    }
}
