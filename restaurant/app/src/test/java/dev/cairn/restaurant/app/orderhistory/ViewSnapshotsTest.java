package dev.cairn.restaurant.app.orderhistory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.OrderLine;
import dev.cairn.restaurant.orderhistory.domain.OrderHistoryProjection;
import dev.cairn.restaurant.orderhistory.domain.OrderViewRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewSnapshotsTest {

    @TempDir
    Path dir;

    private final InMemoryEventStore log = new InMemoryEventStore();

    @Test
    void a_snapshot_is_read_back_whole_when_its_last_event_is_in_the_log() throws Exception {
        RecordedEvent last = append();
        ViewSnapshots snapshots = new ViewSnapshots(dir.resolve("view.json"));
        var written = snapshot(last.position(), last.eventId());

        snapshots.write(written);

        assertThat(Files.list(dir))
                .as("only the snapshot, no temporary file left")
                .containsExactly(dir.resolve("view.json"));
        assertThat(snapshots.load(log)).contains(written);
    }

    @Test
    void a_snapshot_of_another_log_a_corrupt_one_or_none_is_not_loaded() throws Exception {
        RecordedEvent last = append();
        ViewSnapshots snapshots = new ViewSnapshots(dir.resolve("view.json"));
        assertThat(snapshots.load(log)).as("none").isEmpty();

        snapshots.write(snapshot(last.position(), UUID.randomUUID()));
        assertThat(snapshots.load(log)).as("its last event is not this log's").isEmpty();

        snapshots.write(snapshot(last.position() + 1, last.eventId()));
        assertThat(snapshots.load(log))
                .as("its last event's position is past this log's end")
                .isEmpty();

        Files.writeString(dir.resolve("view.json"), "{\"format\":\"cairn.order-history.snapshot/1\",\"rows\":[");
        assertThat(snapshots.load(log)).as("cut short").isEmpty();
    }

    private RecordedEvent append() {
        log.append(
                "order-1",
                ExpectedVersion.any(),
                List.of(NewEvent.of(UUID.randomUUID(), "ordering.OrderCreated", new byte[] {1})));
        return log.readAll(0, 10, dev.cairn.core.store.EventFilter.all()).getLast();
    }

    /** A snapshot of one order's row, as the projection writes it for the order's creation. */
    private static ViewSnapshots.Snapshot snapshot(long lastPosition, UUID lastEventId) {
        Instant at = Instant.parse("2026-01-01T10:00:00Z");
        OrderCreated created = new OrderCreated(
                "o1", "c1", "r1", "Chez Ada", List.of(new OrderLine("soup", "Soup", 2, 650)), 1300, "1 Main St", "tok");
        OrderViewRow row = new OrderHistoryProjection()
                .apply(Optional.empty(), created, lastPosition, at)
                .orElseThrow();
        return new ViewSnapshots.Snapshot(
                ViewSnapshots.FORMAT, lastPosition, lastPosition, lastEventId, at, at, List.of(row));
    }
}
