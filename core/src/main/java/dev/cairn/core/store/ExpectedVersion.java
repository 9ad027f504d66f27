package dev.cairn.core.store;

/**
 * What the writer believes about a stream's current version when it appends (requirement 2).
 *
 * <p>Versions count from 0: a stream holding one event is at version 0; a stream that does not
 * exist is at {@link #NO_STREAM_VERSION}.
 */
public sealed interface ExpectedVersion {

    /** The version of a stream that has no events. */
    long NO_STREAM_VERSION = -1;

    /** Append whatever the stream's version is. */
    record Any() implements ExpectedVersion {}

    /** Append only if the stream has no events yet. */
    record NoStream() implements ExpectedVersion {}

    /** Append only if the stream's last event has exactly this version. */
    record Exact(long version) implements ExpectedVersion {
        public Exact {
            if (version < 0) {
                throw new IllegalArgumentException("expected version must be >= 0, was " + version);
            }
        }
    }

    static ExpectedVersion any() {
        return new Any();
    }

    static ExpectedVersion noStream() {
        return new NoStream();
    }

    static ExpectedVersion exactly(long version) {
        return new Exact(version);
    }

    /** The expected version for a stream currently at {@code version} (-1 meaning no stream). */
    static ExpectedVersion of(long version) {
        return version == NO_STREAM_VERSION ? noStream() : exactly(version);
    }

    /** Whether a stream currently at {@code currentVersion} satisfies this expectation. */
    default boolean matches(long currentVersion) {
        return switch (this) {
            case Any any -> true;
            case NoStream noStream -> currentVersion == NO_STREAM_VERSION;
            case Exact exact -> exact.version() == currentVersion;
        };
    }
}
