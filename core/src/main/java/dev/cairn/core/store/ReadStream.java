package dev.cairn.core.store;

import java.util.List;

/** Reading one stream, as command handlers do to load state. */
public interface ReadStream {

    /**
     * Events of a stream with version {@code >= fromVersion}, in version order, at most
     * {@code maxCount}. An unknown stream reads as empty.
     */
    List<RecordedEvent> readStream(String streamId, long fromVersion, int maxCount);

    /** The whole stream from {@code fromVersion}. */
    default List<RecordedEvent> readStream(String streamId, long fromVersion) {
        return readStream(streamId, fromVersion, Integer.MAX_VALUE);
    }

    /** The stream's current version, {@link ExpectedVersion#NO_STREAM_VERSION} when it has no events. */
    long streamVersion(String streamId);
}
