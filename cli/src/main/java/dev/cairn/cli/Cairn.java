package dev.cairn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cairn} command. */
@Command(
        name = "cairn",
        mixinStandardHelpOptions = true,
        version = "cairn 0.1.0",
        description = "Cairn: an event-sourced CQRS toolkit and runtime.",
        subcommands = {
            RunCommand.class,
            TokenCommand.class,
            BenchCommand.class,
            VerifyCommand.class,
            EventsCommand.class,
            RepairCommand.class,
            LabCommand.class
        },
        footer = {
            "",
            "Benchmarks: ./cairn bench append|read|orders|compare (./cairn bench --help).",
            "The launcher builds and runs them from the bench module, on a classpath of their own."
        })
public final class Cairn implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        CommandLine line = Problems.commandLine(new Cairn());
        // Whatever follows `bench` is the bench main's to judge; this one only points at it.
        line.getSubcommands().get("bench").setUnmatchedOptionsArePositionalParams(true);
        return line.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
