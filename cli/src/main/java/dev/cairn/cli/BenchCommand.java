package dev.cairn.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code cairn bench}: listed here so the help names it, but the benchmarks live in the bench
 * module with a main of their own ({@code dev.cairn.bench.cli.Bench}); the {@code ./cairn} launcher
 * runs that main when the first argument is {@code bench}. Reached only when this main is run
 * directly.
 */
@Command(
        name = "bench",
        description = "Benchmarks: append, read, orders, compare (run through ./cairn, from the bench module).")
final class BenchCommand implements Callable<Integer> {

    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() {
        throw new UserError("the benchmarks are not on this classpath: run them as "
                + String.join(" ", List.of("./cairn", "bench", String.join(" ", arguments)))
                        .trim() + " (the launcher builds the bench module and runs dev.cairn.bench.cli.Bench)");
    }
}
