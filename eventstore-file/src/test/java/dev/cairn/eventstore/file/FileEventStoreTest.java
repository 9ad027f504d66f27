package dev.cairn.eventstore.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.DuplicateEventIdException;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.WrongExpectedVersionException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File-store specifics: reopening, segment rolls, the lock, and the basics on a small segment size. */
class FileEventStoreTest {
    @TempDir
    Path dir;

    static NewEvent event(String type, String data) {
        return NewEvent.of(UUID.randomUUID(), type, data.getBytes(StandardCharsets.UTF_8));
    }

    FileStoreOptions smallSegments() {
        return FileStoreOptions.defaults(dir).withSegmentSize(4096).withCheckpointInterval(8192);
    }

    @Test
    void a_reader_reused_after_the_log_grew_reads_the_new_events_not_what_its_buffer_held() {
        // Read windows are pooled; one filled at the old tail holds the bytes that were past the head
        // then (zeros or a half-written group). Reading the events written there since must read the file again.
        try (FileEventStore store = FileEventStore.open(FileStoreOptions.defaults(dir))) {
            List<UUID> ids = new ArrayList<>();
            for (int round = 0; round < 50; round++) {
                NewEvent e = event("t.Grew", "round " + round);
                ids.add(e.eventId());
                store.append("log-" + round % 3, ExpectedVersion.any(), List.of(e));
                assertThat(store.readAll(0, 1000))
                        .extracting(RecordedEvent::eventId)
                        .containsExactlyElementsOf(ids);
                assertThat(store.readAll(round, 10))
                        .extracting(RecordedEvent::eventId)
                        .containsExactly(e.eventId());
                assertThat(store.readStream("log-" + round % 3, 0))
                        .last()
                        .extracting(RecordedEvent::eventId)
                        .isEqualTo(e.eventId());
            }
        }
    }

    @Test
    void appends_and_reads_back_across_segments_and_reopen() {
        List<UUID> ids = new ArrayList<>();
        try (FileEventStore store = FileEventStore.open(smallSegments())) {
            for (int i = 0; i < 200; i++) {
                NewEvent e = new NewEvent(
                        UUID.randomUUID(),
                        "t.Happened" + (i % 3),
                        ("payload " + i).getBytes(StandardCharsets.UTF_8),
                        UUID.randomUUID(),
                        UUID.randomUUID());
                ids.add(e.eventId());
                AppendResult r = store.append("order-" + (i % 7), ExpectedVersion.any(), List.of(e));
                assertThat(r.lastPosition()).isEqualTo(i + 1);
            }
            assertThat(store.readAll(0, 1000))
                    .extracting(RecordedEvent::eventId)
                    .containsExactlyElementsOf(ids);
        }
        try (FileEventStore store = FileEventStore.open(smallSegments())) {
            assertThat(store.headPosition()).isEqualTo(200);
            assertThat(store.readAll(0, 1000))
                    .extracting(RecordedEvent::eventId)
                    .containsExactlyElementsOf(ids);
            List<RecordedEvent> stream = store.readStream("order-3", 0);
            assertThat(stream).hasSize(29).extracting(RecordedEvent::version).containsExactlyElementsOf(range(29));
            assertThat(store.readStream("order-3", 20, 3))
                    .extracting(RecordedEvent::version)
                    .containsExactly(20L, 21L, 22L);
            assertThat(store.streamVersion("order-3")).isEqualTo(28);
            assertThat(store.readAll(0, 1000, EventFilter.types("t.Happened1"))).hasSize(67);
            assertThat(store.readAll(0, 1000, EventFilter.categories("order"))).hasSize(200);
            assertThat(store.readAll(0, 1000, EventFilter.categories("other"))).isEmpty();
            store.append("order-3", ExpectedVersion.exactly(28), List.of(event("t.More", "x")));
            assertThat(store.streamVersion("order-3")).isEqualTo(29);
        }
        assertThat(FileStoreVerifier.verify(dir).ok()).isTrue();
        assertThat(FileStoreVerifier.verify(dir).events()).isEqualTo(201);
        assertThat(FileStoreVerifier.verify(dir).segments()).isGreaterThan(5);
    }

    @Test
    void expected_versions_and_idempotency() {
        try (FileEventStore store = FileEventStore.open(dir)) {
            NewEvent a = event("t.A", "a");
            NewEvent b = event("t.B", "b");
            AppendResult first = store.append("s-1", ExpectedVersion.noStream(), List.of(a, b));
            assertThat(store.append("s-1", ExpectedVersion.noStream(), List.of(a, b)))
                    .isEqualTo(new AppendResult("s-1", 0, 1, first.lastPosition(), true));
            assertThatThrownBy(() -> store.append("s-1", ExpectedVersion.noStream(), List.of(event("t.C", "c"))))
                    .isInstanceOf(WrongExpectedVersionException.class);
            assertThatThrownBy(() -> store.append("s-2", ExpectedVersion.any(), List.of(a)))
                    .isInstanceOf(DuplicateEventIdException.class);
            assertThatThrownBy(() -> store.append("s-1", ExpectedVersion.any(), List.of(event("t.C", "c"), a)))
                    .isInstanceOf(DuplicateEventIdException.class);
            assertThat(store.headPosition()).isEqualTo(2);
        }
        try (FileEventStore store = FileEventStore.open(dir)) {
            RecordedEvent a = store.readStream("s-1", 0).getFirst();
            assertThat(store.append(
                                    "s-1",
                                    ExpectedVersion.exactly(5),
                                    List.of(NewEvent.of(a.eventId(), a.type(), a.data())))
                            .duplicate())
                    .isTrue();
        }
    }

    @Test
    void a_second_opener_gets_a_clear_error_but_the_verifier_may_read() {
        try (FileEventStore store = FileEventStore.open(dir)) {
            assertThat(store.headPosition()).isZero();
            assertThatThrownBy(() -> FileEventStore.open(dir))
                    .isInstanceOf(EventStoreUnavailableException.class)
                    .hasMessageContaining("already in use");
            assertThat(FileStoreVerifier.verify(dir).ok())
                    .as("the verifier reads without the lock")
                    .isTrue();
        }
        FileEventStore.open(dir).close();
    }

    @Test
    void concurrent_writers_get_contiguous_versions_and_subscribers_see_everything_in_order() throws Exception {
        try (FileEventStore store = FileEventStore.open(smallSegments().withSegmentSize(64 << 10))) {
            List<RecordedEvent> seen = new CopyOnWriteArrayList<>();
            var subscription = store.subscribe(0, EventFilter.all(), seen::add);
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int w = 0; w < 32; w++) {
                    int writer = w;
                    pool.submit(() -> {
                        for (int i = 0; i < 50; i++) {
                            store.append(
                                    "w-" + (writer % 8),
                                    ExpectedVersion.any(),
                                    List.of(event("t.E", "e"), event("t.E", "f")));
                        }
                        return null;
                    });
                }
            }
            assertThat(store.headPosition()).isEqualTo(3200);
            for (int s = 0; s < 8; s++) {
                assertThat(store.readStream("w-" + s, 0))
                        .extracting(RecordedEvent::version)
                        .containsExactlyElementsOf(range(400));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seen.size() < 3200 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            subscription.close();
            assertThat(seen).extracting(RecordedEvent::position).containsExactlyElementsOf(positions(3200));
            assertThat(store.metrics().flushes()).isLessThanOrEqualTo(1600);
        }
        assertThat(FileStoreVerifier.verify(dir).ok()).isTrue();
    }

    @Test
    void await_head_wakes_on_commit() throws Exception {
        try (FileEventStore store = FileEventStore.open(dir)) {
            Thread t = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                store.append("a-1", ExpectedVersion.any(), List.of(event("t.A", "a")));
            });
            long start = System.nanoTime();
            assertThat(store.awaitHeadAfter(0, Duration.ofSeconds(10))).isTrue();
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
            t.join();
            assertThat(store.awaitHeadAfter(1, Duration.ofMillis(20))).isFalse();
        }
    }

    static List<Long> range(int n) {
        List<Long> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    static List<Long> positions(int n) {
        List<Long> out = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            out.add(i);
        }
        return out;
    }
}
