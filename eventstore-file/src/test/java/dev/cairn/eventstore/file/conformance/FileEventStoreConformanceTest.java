package dev.cairn.eventstore.file.conformance;

import dev.cairn.core.store.EventStore;
import dev.cairn.eventstore.file.FileEventStore;
import dev.cairn.eventstore.tck.EventStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Requirements 1–7 and 9, the kit's way. */
class FileEventStoreConformanceTest extends EventStoreContract {
    @TempDir
    Path dir;

    @Override
    protected EventStore newStore() {
        return FileEventStore.open(dir);
    }
}
