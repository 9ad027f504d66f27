package dev.cairn.eventstore.file;

import dev.cairn.core.store.EventStoreCorruptException;
import java.nio.file.Path;

/**
 * The log or an index is damaged where recovery must not repair it by truncating: before the
 * checkpoint, or in a segment that was complete. Names the file and the byte offset.
 */
public final class CorruptLogException extends EventStoreCorruptException {
    private final transient Path file;
    private final long offset;

    public CorruptLogException(Path file, long offset, String detail) {
        super(file + " is corrupt at byte offset " + offset + ": " + detail);
        this.file = file;
        this.offset = offset;
    }

    public Path file() {
        return file;
    }

    public long offset() {
        return offset;
    }
}
