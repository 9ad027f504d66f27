package dev.cairn.cli;

import picocli.CommandLine.Command;

/** Benchmarks; each prints progress on stderr and one JSON object as its last line on stdout. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (last line of output is JSON).",
        subcommands = {BenchAppend.class, BenchRead.class, BenchOrders.class, BenchCompare.class})
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
