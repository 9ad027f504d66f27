package dev.cairn.eventstore.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread interrupted while it reads (a processor being stopped, a request being cancelled) must
 * cost only its own read. A {@code FileChannel} closes itself for every user when a thread blocked
 * in it, or entering it, is interrupted; the store must not let that close the log for the others.
 */
class InterruptedReaderTest {
    @TempDir
    Path dir;

    @Test
    void an_interrupted_reader_fails_alone_and_the_store_reads_and_appends_after_it() throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (FileEventStore store = FileEventStore.open(FileStoreOptions.defaults(dir))) {
            for (int i = 0; i < 100; i++) {
                NewEvent event =
                        NewEvent.of(UUID.randomUUID(), "t.Read", ("event " + i).getBytes(StandardCharsets.UTF_8));
                ids.add(event.eventId());
                store.append("read-" + i % 5, ExpectedVersion.any(), List.of(event));
            }
        }
        try (FileEventStore store = FileEventStore.open(FileStoreOptions.defaults(dir))) {
            for (int round = 0; round < 3; round++) {
                Thread.currentThread().interrupt();
                try {
                    assertThatThrownBy(() -> store.readAll(0, 1000))
                            .as("a read on an interrupted thread")
                            .isNotNull();
                } finally {
                    Thread.interrupted();
                }
                assertThat(store.readAll(0, 1000))
                        .extracting(RecordedEvent::eventId)
                        .containsExactlyElementsOf(ids);
                assertThat(store.readStream("read-2", 0)).hasSize(20);
                NewEvent more = NewEvent.of(UUID.randomUUID(), "t.More", "more".getBytes(StandardCharsets.UTF_8));
                ids.add(more.eventId());
                assertThat(store.append("more", ExpectedVersion.any(), List.of(more))
                                .lastPosition())
                        .isEqualTo(ids.size());
            }
        }
        try (FileEventStore store = FileEventStore.open(FileStoreOptions.defaults(dir))) {
            assertThat(store.readAll(0, 1000))
                    .extracting(RecordedEvent::eventId)
                    .containsExactlyElementsOf(ids);
        }
        assertThat(FileStoreVerifier.verify(dir).ok()).isTrue();
    }
}
