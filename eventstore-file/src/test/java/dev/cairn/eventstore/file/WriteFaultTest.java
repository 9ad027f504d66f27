package dev.cairn.eventstore.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failed writes and forces through a {@link FailingDisk}: the store refuses appends naming the
 * cause, keeps reading, resumes by itself once the disk works, and never keeps (or acknowledges)
 * what a failed force may not have written.
 */
class WriteFaultTest {
    @TempDir
    Path dir;

    FailingDisk disk;

    FileStoreOptions options() {
        return FileStoreOptions.defaults(dir)
                .withSegmentSize(64 << 10)
                .withCheckpointInterval(32 << 10)
                .withProbeInterval(Duration.ofMillis(100));
    }

    FileEventStore open() {
        disk = new FailingDisk(dir);
        return FileEventStore.open(options());
    }

    @AfterEach
    void removeTheFaults() {
        if (disk != null) {
            disk.close();
        }
    }

    /** Heals the disk, then waits until the store's own probe has found it writable again. */
    void healAndAwaitWritable(FileEventStore store) {
        disk.heal();
        await().atMost(Duration.ofSeconds(5)).until(() -> store.health().writable());
    }

    /** The append is refused as unavailable, for a reason that names the fault. */
    static void assertUnavailable(ThrowingCallable append, String reason) {
        assertThatThrownBy(append)
                .isInstanceOfSatisfying(
                        EventStoreUnavailableException.class,
                        e -> assertThat(e.reason()).contains(reason));
    }

    static NewEvent event(UUID id, String data) {
        return NewEvent.of(id, "t.Happened", data.getBytes());
    }

    static void appendOne(FileEventStore store, String stream, String data) {
        store.append(stream, ExpectedVersion.any(), List.of(event(UUID.randomUUID(), data)));
    }

    @Test
    void a_failed_write_refuses_appends_with_the_cause_keeps_reads_and_resumes_by_itself() {
        try (FileEventStore store = open()) {
            appendOne(store, "order-1", "before");
            disk.failWrites("No space left on device");

            assertUnavailable(() -> appendOne(store, "order-1", "during"), "disk full in " + dir);
            assertThat(store.health().writable()).isFalse();
            assertThat(store.health().reason()).isEqualTo("disk full in " + dir);
            assertThatThrownBy(() -> appendOne(store, "order-2", "during"))
                    .isInstanceOf(EventStoreUnavailableException.class)
                    .hasMessageContaining("disk full in " + dir);
            assertThat(store.readStream("order-1", 0, 10))
                    .extracting(e -> new String(e.data()))
                    .containsExactly("before");
            assertThat(store.readAll(0, 10, EventFilter.all())).hasSize(1);

            healAndAwaitWritable(store);
            appendOne(store, "order-1", "after");
            assertThat(store.readStream("order-1", 0, 10))
                    .extracting(e -> new String(e.data()))
                    .containsExactly("before", "after");
            assertThat(store.readStream("order-2", 0, 10)).isEmpty();
            assertThat(store.streamVersion("order-2")).isEqualTo(ExpectedVersion.NO_STREAM_VERSION);
        }
        try (FileEventStore reopened = FileEventStore.open(dir)) {
            assertThat(reopened.readAll(0, 10, EventFilter.all()))
                    .extracting(e -> new String(e.data()))
                    .containsExactly("before", "after");
        }
        assertThat(FileStoreVerifier.verify(dir).ok()).isTrue();
    }

    @Test
    void a_failed_fsync_is_not_acknowledged_and_what_it_covered_is_cut_off_not_trusted() {
        try (FileEventStore store = open()) {
            appendOne(store, "order-1", "durable");
            disk.failForces("Input/output error");

            assertUnavailable(() -> appendOne(store, "order-1", "unproven"), "I/O error in " + dir);
            assertThat(store.headPosition()).isEqualTo(1);

            healAndAwaitWritable(store);
            assertThat(store.headPosition()).isEqualTo(1);
            store.append("order-1", ExpectedVersion.exactly(0), List.of(event(UUID.randomUUID(), "next")));
            assertThat(store.readStream("order-1", 0, 10))
                    .extracting(e -> new String(e.data()))
                    .containsExactly("durable", "next");
        }
        assertThat(FileStoreVerifier.verify(dir).ok()).isTrue();
    }

    @Test
    void an_append_refused_during_the_fault_and_retried_after_it_is_recorded_once() {
        UUID id = UUID.randomUUID();
        try (FileEventStore store = open()) {
            disk.failForces("Input/output error");
            assertThatThrownBy(() -> store.append("order-7", ExpectedVersion.noStream(), List.of(event(id, "placed"))))
                    .isInstanceOf(EventStoreUnavailableException.class);
            healAndAwaitWritable(store);

            var first = store.append("order-7", ExpectedVersion.noStream(), List.of(event(id, "placed")));
            var again = store.append("order-7", ExpectedVersion.noStream(), List.of(event(id, "placed")));
            assertThat(first.duplicate()).isFalse();
            assertThat(again.duplicate()).isTrue();
            assertThat(store.readStream("order-7", 0, 10)).hasSize(1);
        }
    }

    @Test
    void the_store_stays_unavailable_while_the_disk_still_fails_and_reads_never_stop() throws Exception {
        try (FileEventStore store = open()) {
            appendOne(store, "order-1", "before");
            disk.failWrites("No space left on device");
            assertThatThrownBy(() -> appendOne(store, "order-1", "during"))
                    .isInstanceOf(EventStoreUnavailableException.class);
            Thread.sleep(500); // five probes, all failing
            assertThat(store.health().writable()).isFalse();
            assertThat(store.readAll(0, 10, EventFilter.all())).hasSize(1);
            healAndAwaitWritable(store);
        }
    }

    @Test
    void under_load_with_faults_coming_and_going_every_acknowledged_append_survives_and_nothing_else()
            throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        try (FileEventStore store = open()) {
            ExecutorService writers = Executors.newFixedThreadPool(16);
            for (int w = 0; w < 16; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String data = writer + "/" + i;
                        try {
                            appendOne(store, "order-" + (i % 7) + "-" + writer, data);
                            acknowledged.add(data);
                        } catch (EventStoreUnavailableException refused) {
                            Thread.sleep(5);
                        }
                    }
                    return null;
                });
            }
            for (int round = 0; round < 6; round++) {
                Thread.sleep(150);
                if (round % 2 == 0) {
                    disk.failWrites("No space left on device");
                } else {
                    disk.failForces("Input/output error");
                }
                Thread.sleep(150);
                healAndAwaitWritable(store);
            }
            Thread.sleep(150);
            stop.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(logData(store)).containsExactlyInAnyOrderElementsOf(acknowledged);
        }
        assertThat(acknowledged).hasSizeGreaterThan(100);
        try (FileEventStore reopened = FileEventStore.open(dir)) {
            assertThat(logData(reopened)).containsExactlyInAnyOrderElementsOf(acknowledged);
        }
        assertThat(FileStoreVerifier.verify(dir).ok()).isTrue();
    }

    static List<String> logData(FileEventStore store) {
        List<String> data = new ArrayList<>();
        long after = 0;
        while (true) {
            List<RecordedEvent> page = store.readAll(after, 1000, EventFilter.all());
            if (page.isEmpty()) {
                return data;
            }
            page.forEach(e -> data.add(new String(e.data())));
            after = page.getLast().position();
        }
    }
}
