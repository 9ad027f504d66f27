package dev.cairn.eventstore.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.hosting.Sharing;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreBackendTest {

    @TempDir
    Path tmp;

    @Test
    void keeps_the_log_and_the_checkpoints_in_one_data_directory() {
        Path data = tmp.resolve("data");
        try (FileStoreBackend backend = FileStoreBackend.open(data)) {
            backend.store()
                    .append(
                            "order-1",
                            ExpectedVersion.noStream(),
                            List.of(NewEvent.of(UUID.randomUUID(), "t", new byte[0])));
            backend.checkpoints().save("p", 1);
        }

        assertThat(FileStoreBackend.existingLog(data)).isEqualTo(data.resolve("log"));
        assertThat(FileStoreBackend.existingLog(data.resolve("log"))).isEqualTo(data.resolve("log"));
        assertThat(new DirectoryCheckpointStore(data.resolve("checkpoints")).load("p"))
                .isEqualTo(1);
    }

    @Test
    void hosts_every_processor_whole_with_its_checkpoints_here() {
        try (FileStoreBackend backend = FileStoreBackend.open(tmp)) {
            var hosted = backend.host(
                    "p",
                    Sharing.BY_ENTITY,
                    (part, log) -> TrackingProcessor.builder(part.checkpointName(), log, e -> {}));

            assertThat(hosted.tracking().orElseThrow().name()).isEqualTo("p");
            assertThat(hosted.status()).extracting(s -> s.name()).containsExactly("p");
        }
    }

    @Test
    void a_reader_is_never_handed_a_new_empty_store() throws Exception {
        Path missing = tmp.resolve("missing");
        Path empty = Files.createDirectory(tmp.resolve("empty"));

        assertThatThrownBy(() -> FileStoreBackend.existingLog(missing)).hasMessageContaining("no data directory");
        assertThatThrownBy(() -> FileStoreBackend.existingLog(empty)).hasMessageContaining("holds no event log");
        assertThat(missing).doesNotExist();
        assertThat(empty.resolve("log")).doesNotExist();
    }
}
