package dev.cairn.cli;

import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.store.EventStore;
import dev.cairn.eventstore.file.FileEventStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Opens the store a command asked for; a temporary directory is deleted on close. */
final class Stores {
    private Stores() {}

    record Opened(EventStore store, Path temporary) implements AutoCloseable {
        @Override
        public void close() {
            store.close();
            if (temporary != null) {
                deleteRecursively(temporary);
            }
        }
    }

    static Opened open(StoreKind kind, Path data) {
        return switch (kind) {
            case memory -> new Opened(new InMemoryEventStore(), null);
            case file -> data != null ? new Opened(FileEventStore.open(data), null) : openTemporary();
            case postgres -> throw new IllegalArgumentException("this command runs on --store file or memory");
        };
    }

    private static Opened openTemporary() {
        try {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "cairn-bench-");
            return new Opened(FileEventStore.open(dir), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
