package dev.cairn.bench.cli;

import dev.cairn.cli.Problems;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code cairn bench}: the benchmarks, with a main of their own so that the runtime's launcher
 * classpath carries none of the peers they compare against. {@code ./cairn bench …} builds this
 * module on first use and runs it. Each benchmark prints progress on stderr and one JSON object as
 * its last line on stdout.
 */
@Command(
        name = "cairn bench",
        mixinStandardHelpOptions = true,
        version = "cairn bench 0.1.0",
        description = "Benchmarks (last line of output is JSON).",
        subcommands = {BenchAppend.class, BenchRead.class, BenchOrders.class, BenchCompare.class})
public final class Bench implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        return Problems.commandLine(new Bench()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
