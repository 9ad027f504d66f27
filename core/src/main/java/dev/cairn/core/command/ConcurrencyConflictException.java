package dev.cairn.core.command;

/** Every attempt to handle a command met a concurrent writer on the same stream; nothing was appended by it. */
public final class ConcurrencyConflictException extends RuntimeException {
    private final String streamId;

    public ConcurrencyConflictException(String streamId, int attempts) {
        super("stream " + streamId + " changed concurrently during each of " + attempts + " attempts; try again");
        this.streamId = streamId;
    }

    public String streamId() {
        return streamId;
    }
}
