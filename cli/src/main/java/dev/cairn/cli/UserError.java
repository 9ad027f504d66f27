package dev.cairn.cli;

/**
 * A mistake of the user's or of the machine's setup (a missing directory, a port in use, a database
 * that does not answer): said in one line on stderr, with a non-zero exit, and no stack trace.
 */
public final class UserError extends RuntimeException {

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
