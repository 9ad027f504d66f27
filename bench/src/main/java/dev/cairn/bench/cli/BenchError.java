package dev.cairn.bench.cli;

/**
 * A mistake of the user's or of the machine's setup (a missing directory, a port in use, a database
 * that does not answer): said in one line on stderr, with a non-zero exit, and no stack trace.
 */
final class BenchError extends RuntimeException {

    BenchError(String message) {
        super(message);
    }

    BenchError(String message, Throwable cause) {
        super(message, cause);
    }
}
