package dev.cairn.eventstore.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ReadOnlyLog} and the verifier change no byte and work while a store owns the directory. */
class ReadOnlyInspectionTest {
    @TempDir
    Path dir;

    FileStoreOptions options() {
        return FileStoreOptions.defaults(dir).withSegmentSize(16 << 10).withCheckpointInterval(8 << 10);
    }

    List<UUID> fill(FileEventStore store, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            ids.add(a);
            ids.add(b);
            store.append(
                    "order-" + (i % 9),
                    ExpectedVersion.any(),
                    List.of(
                            NewEvent.of(a, "t.Placed", ("a" + i).getBytes()),
                            NewEvent.of(b, "t.Priced", ("b" + i).getBytes())));
        }
        return ids;
    }

    static List<UUID> readAllIds(ReadOnlyLog log, int page) {
        List<UUID> ids = new ArrayList<>();
        long after = 0;
        while (true) {
            List<RecordedEvent> events = log.readAll(after, page, EventFilter.all());
            if (events.isEmpty()) {
                return ids;
            }
            events.forEach(e -> ids.add(e.eventId()));
            after = events.getLast().position();
        }
    }

    @Test
    void reading_and_verifying_a_closed_directory_changes_no_byte_and_creates_no_file() throws Exception {
        List<UUID> ids;
        try (FileEventStore store = FileEventStore.open(options())) {
            ids = fill(store, 300);
        }
        Map<String, String> before = checksums(dir);

        try (ReadOnlyLog log = ReadOnlyLog.open(dir)) {
            assertThat(readAllIds(log, 7)).containsExactlyElementsOf(ids);
            assertThat(log.readAll(5, 3, EventFilter.all()))
                    .extracting(RecordedEvent::position)
                    .containsExactly(6L, 7L, 8L);
        }
        assertThat(FileStoreVerifier.verify(dir).ok()).isTrue();

        assertThat(checksums(dir)).isEqualTo(before);
    }

    @Test
    void reads_and_verifies_every_acknowledged_event_while_a_store_owns_the_directory() {
        try (FileEventStore store = FileEventStore.open(options())) {
            List<UUID> ids = fill(store, 300);
            assertThat(ReadOnlyLog.inUse(dir)).isTrue();

            try (ReadOnlyLog log = ReadOnlyLog.open(dir)) {
                assertThat(readAllIds(log, 50)).containsExactlyElementsOf(ids);
            }
            VerificationReport report = FileStoreVerifier.verify(dir);
            assertThat(report.problem()).isNull();
            assertThat(report.events()).isEqualTo(600);

            ids.addAll(fill(store, 10)); // the store is undisturbed
            assertThat(store.headPosition()).isEqualTo(620);
        }
        assertThat(ReadOnlyLog.inUse(dir)).isFalse();
    }

    @Test
    void a_damaged_record_before_the_end_is_reported_with_file_and_offset() throws IOException {
        try (FileEventStore store = FileEventStore.open(options())) {
            fill(store, 20);
        }
        Path segment = dir.resolve(Segment.fileName(1));
        long offset = CorruptionTest.recordOffsets(segment).get(5);
        CorruptionTest.flipBit(segment, offset + 60);

        try (ReadOnlyLog log = ReadOnlyLog.open(dir)) {
            assertThatThrownBy(() -> log.readAll(0, 1000, EventFilter.all()))
                    .isInstanceOfSatisfying(CorruptLogException.class, e -> {
                        assertThat(e.file()).isEqualTo(segment);
                        assertThat(e.offset()).isEqualTo(offset);
                    });
        }
    }

    @Test
    void a_directory_without_a_log_is_refused_and_left_as_it_was() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("nothing"));
        assertThatThrownBy(() -> ReadOnlyLog.open(empty)).hasMessageContaining("there is no event log in " + empty);
        try (Stream<Path> files = Files.list(empty)) {
            assertThat(files).isEmpty();
        }
    }

    static Map<String, String> checksums(Path dir) throws IOException, NoSuchAlgorithmException {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sums.put(
                        dir.relativize(file).toString(),
                        HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))));
            }
        }
        return sums;
    }
}
