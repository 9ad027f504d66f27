package dev.cairn.eventstore.file.conformance;

import dev.cairn.core.store.EventStore;
import dev.cairn.eventstore.file.FileEventStore;
import dev.cairn.eventstore.tck.DurableEventStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Requirement 8, the kit's way: close, reopen on the same directory, everything is there. */
class FileEventStoreDurabilityTest extends DurableEventStoreContract {
    @TempDir
    Path dir;

    @Override
    protected EventStore newStore() {
        return FileEventStore.open(dir);
    }

    @Override
    protected EventStore reopen(EventStore closed) {
        return FileEventStore.open(((FileEventStore) closed).dataDir());
    }
}
