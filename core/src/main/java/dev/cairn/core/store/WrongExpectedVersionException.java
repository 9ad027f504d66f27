package dev.cairn.core.store;

/** An append's expected version did not match the stream's; nothing was appended (requirement 2). */
public final class WrongExpectedVersionException extends EventStoreException {
    private final String streamId;
    private final ExpectedVersion expected;
    private final long actualVersion;

    public WrongExpectedVersionException(String streamId, ExpectedVersion expected, long actualVersion) {
        super("stream " + streamId + " is at version " + actualVersion + ", the append expected " + expected);
        this.streamId = streamId;
        this.expected = expected;
        this.actualVersion = actualVersion;
    }

    public String streamId() {
        return streamId;
    }

    public ExpectedVersion expected() {
        return expected;
    }

    /** The stream's version when the append was refused ({@link ExpectedVersion#NO_STREAM_VERSION} if none). */
    public long actualVersion() {
        return actualVersion;
    }
}
