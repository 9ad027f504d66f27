package dev.cairn.bench.cli;

import dev.cairn.bench.compare.Compare;
import dev.cairn.bench.compare.CompareOptions;
import dev.cairn.bench.compare.Report;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Cairn against Axon Framework, SQLite, RocksDB and PostgreSQL on the same workloads, in one run. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description =
                "Run W1 command handling, W2 durable appends, W3 replay and W4 end to end on Cairn (memory, file, PostgreSQL)"
                        + " and on its peers (Axon Framework 4.13 in-memory and JDBC, SQLite, RocksDB, PostgreSQL through JDBC), with the"
                        + " physical references; print one table and write it as JSON and Markdown. Last line: JSON naming the files.")
final class BenchCompare implements Callable<Integer> {

    @Option(names = "--quick", description = "scaled-down counts (a few minutes instead of the issue's full sizes)")
    boolean quick;

    @Option(
            names = "--out",
            description = "results file; written as <name>.json and <name>.md (default ${DEFAULT-VALUE})")
    Path out = CompareOptions.defaults().out();

    @Option(
            names = "--pg-url",
            description =
                    "JDBC URL of the PostgreSQL server; each PostgreSQL-backed system creates and drops a database of its own"
                            + " (default ${DEFAULT-VALUE})")
    String pgUrl = CompareOptions.defaults().pgUrl();

    @Option(names = "--workloads", split = ",", description = "which workloads to run (default: all of W1,W2,W3,W4)")
    List<String> workloads = List.of("W1", "W2", "W3", "W4");

    @Option(
            names = "--systems",
            split = ",",
            description = "run only the systems whose names contain one of these, e.g. RocksDB,Axon (default: all)")
    List<String> systems = List.of();

    @Override
    public Integer call() {
        Set<String> selected = new LinkedHashSet<>();
        for (String w : workloads) {
            selected.add(w.trim().toUpperCase(Locale.ROOT));
        }
        CompareOptions options = new CompareOptions(quick, out, pgUrl, selected, new LinkedHashSet<>(systems));
        Report report = Compare.run(options);
        System.out.printf(
                "{\"json\":\"%s\", \"markdown\":\"%s\", \"all_goals_met\":%s}%n",
                options.json().toAbsolutePath(), options.markdown().toAbsolutePath(), report.allGoalsMet());
        return 0;
    }
}
