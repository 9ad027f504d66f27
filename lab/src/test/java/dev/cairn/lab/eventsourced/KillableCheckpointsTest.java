package dev.cairn.lab.eventsourced;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.processing.ParkedEvent;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.eventstore.file.DirectoryCheckpointStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KillableCheckpointsTest {

    @TempDir
    Path directory;

    @Test
    void saves_while_alive_and_loses_every_write_once_killed_as_a_killed_process_would() {
        DirectoryCheckpointStore durable = new DirectoryCheckpointStore(directory);
        KillableCheckpoints checkpoints = new KillableCheckpoints(durable);
        checkpoints.save("ordering.reactions", 7);

        checkpoints.kill();
        checkpoints.save("ordering.reactions", 42);
        UUID id = UUID.randomUUID();
        checkpoints.park(new ParkedEvent(
                "ordering.reactions",
                new RecordedEvent(id, "order-1", 0, 43, "t", Instant.EPOCH, id, id, new byte[0]),
                "boom",
                1,
                Instant.EPOCH));

        DirectoryCheckpointStore afterRestart = new DirectoryCheckpointStore(directory);
        assertThat(afterRestart.load("ordering.reactions")).isEqualTo(7);
        assertThat(afterRestart.parked("ordering.reactions")).isEmpty();
    }
}
