package dev.cairn.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How the command line reports what went wrong: a user's mistake (a bad option, an unknown
 * context, a missing directory, a port in use, an unreachable database) as one line on stderr
 * naming the command, exit code 2 for a usage error and 1 otherwise; anything else is a bug and
 * keeps its stack trace. {@code CAIRN_TRACE=1} prints the trace of a mistake too. Public because
 * the bench module's own main ({@code cairn bench}) reports its mistakes the same way.
 */
public final class Problems {

    private Problems() {}

    /** A picocli command line for {@code command} that reports problems as described above. */
    public static CommandLine commandLine(Object command) {
        return new CommandLine(command)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Problems::usage)
                .setExecutionExceptionHandler(Problems::failure);
    }

    private static int usage(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        say(command, e.getMessage() + " (see " + command.getCommandSpec().qualifiedName() + " --help)", e);
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static int failure(Exception e, CommandLine command, ParseResult parsed) throws Exception {
        if (e instanceof UserError || e instanceof IllegalArgumentException) {
            say(command, e.getMessage(), e);
            return 1;
        }
        throw e;
    }

    private static void say(CommandLine command, String message, Exception e) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + message);
        if (System.getenv("CAIRN_TRACE") != null) {
            e.printStackTrace(err);
        }
        err.flush();
    }
}
