package dev.cairn.eventstore.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.processing.ParkedEvent;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryCheckpointStoreTest {

    @TempDir
    Path dir;

    /** Position 99, version 3 of order-1: what parks, with the bytes and actor a test checks. */
    static RecordedEvent orderCreated(byte[] data, String actor) {
        return new RecordedEvent(
                UUID.randomUUID(),
                "order-1",
                3,
                99,
                "ordering.OrderCreated",
                Instant.parse("2026-01-02T03:04:05Z"),
                UUID.randomUUID(),
                UUID.randomUUID(),
                data,
                actor);
    }

    @Test
    void a_saved_checkpoint_survives_a_new_instance() {
        new DirectoryCheckpointStore(dir).save("order-history", 42);
        new DirectoryCheckpointStore(dir).save("kitchen/reactions ü", 7);

        var reopened = new DirectoryCheckpointStore(dir);
        assertThat(reopened.load("order-history")).isEqualTo(42);
        assertThat(reopened.load("kitchen/reactions ü")).isEqualTo(7);
        assertThat(reopened.load("never-saved")).isZero();
    }

    @Test
    void parked_events_survive_with_their_bytes_actor_and_error_and_can_be_unparked() {
        var event = orderCreated("{\"x\":\"é\"}".getBytes(StandardCharsets.UTF_8), "consumer:c-ü1");
        var parked = new ParkedEvent(
                "p", event, "java.lang.IllegalStateException: boom", 5, Instant.parse("2026-01-02T03:04:06Z"));
        new DirectoryCheckpointStore(dir).park(parked);

        var reopened = new DirectoryCheckpointStore(dir);
        assertThat(reopened.parked("p")).singleElement().satisfies(p -> {
            assertThat(p.event().data()).isEqualTo(event.data());
            assertThat(p.event().actor()).isEqualTo("consumer:c-ü1");
            assertThat(p)
                    .usingRecursiveComparison()
                    .ignoringFields("event.data")
                    .isEqualTo(parked);
        });

        reopened.unpark("p", 99);
        assertThat(new DirectoryCheckpointStore(dir).parked("p")).isEmpty();
    }

    @Test
    void a_parked_file_written_before_actors_were_kept_reads_with_no_actor() throws Exception {
        var event = orderCreated(new byte[] {1}, "admin:root");
        new DirectoryCheckpointStore(dir)
                .park(new ParkedEvent("p", event, "boom", 1, Instant.parse("2026-01-02T03:04:06Z")));
        Path file;
        try (var files = Files.list(dir.resolve("parked").resolve("p"))) {
            file = files.filter(f -> f.toString().endsWith(".parked"))
                    .findFirst()
                    .orElseThrow();
        }
        byte[] content = Files.readAllBytes(file);
        int actorField = 2 + "admin:root".length(); // writeUTF: a 2-byte length, then the bytes
        Files.write(file, Arrays.copyOf(content, content.length - actorField));

        assertThat(new DirectoryCheckpointStore(dir).parked("p"))
                .singleElement()
                .satisfies(p -> assertThat(p.event().actor()).isEqualTo(NewEvent.NO_ACTOR));
    }
}
