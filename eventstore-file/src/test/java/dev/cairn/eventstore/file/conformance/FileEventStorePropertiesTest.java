package dev.cairn.eventstore.file.conformance;

import dev.cairn.core.store.EventStore;
import dev.cairn.eventstore.file.FileEventStore;
import dev.cairn.eventstore.tck.EventStoreProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The kit's concurrent property, one fresh data directory per try (jqwik has no {@code @TempDir});
 * the directories are removed when the container finishes.
 */
class FileEventStorePropertiesTest extends EventStoreProperties {
    private static final Path ROOT = createRoot();

    @Override
    protected EventStore newStore() {
        try {
            return FileEventStore.open(Files.createTempDirectory(ROOT, "try"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterContainer
    static void removeDirectories() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Path createRoot() {
        try {
            return Files.createTempDirectory("cairn-file-properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
