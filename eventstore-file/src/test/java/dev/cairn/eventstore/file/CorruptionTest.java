package dev.cairn.eventstore.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage on disk and what opening does about it: a torn tail after the checkpoint is truncated,
 * damage before it is refused with file and offset, lost checkpoints and indexes are rebuilt.
 * A "crashed" directory is a copy taken while the store is open: every append in it was
 * acknowledged, but the last checkpoint is older than the log's end, as after a kill.
 */
class CorruptionTest {
    @TempDir
    Path live;

    @TempDir
    Path crashed;

    static final int EVENTS = 50;

    /** Appends {@link #EVENTS} single-event appends; returns the ids. */
    List<UUID> fill(FileEventStore store) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            store.append(
                    "thing-" + (i % 5),
                    ExpectedVersion.any(),
                    List.of(NewEvent.of(id, "t.Done", ("data " + i).getBytes())));
        }
        return ids;
    }

    FileStoreOptions noCheckpoints(Path dir) {
        return FileStoreOptions.defaults(dir).withCheckpointInterval(Long.MAX_VALUE);
    }

    List<UUID> crashedCopy() throws IOException {
        try (FileEventStore store = FileEventStore.open(noCheckpoints(live))) {
            List<UUID> ids = fill(store);
            try (Stream<Path> files = Files.list(live)) {
                for (Path f : files.toList()) {
                    if (!f.getFileName().toString().equals("lock")) {
                        Files.copy(f, crashed.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return ids;
        }
    }

    List<UUID> closedStore() {
        try (FileEventStore store = FileEventStore.open(live)) {
            return fill(store);
        }
    }

    static Path segment1(Path dir) {
        return dir.resolve(Segment.fileName(1));
    }

    /** Byte offsets of the records in a segment, read from their length fields. */
    static List<Long> recordOffsets(Path segment) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(segment)).order(ByteOrder.LITTLE_ENDIAN);
        List<Long> offsets = new ArrayList<>();
        for (int at = Segment.HEADER; at + 4 <= bytes.limit() && bytes.getInt(at) != 0; at += bytes.getInt(at)) {
            offsets.add((long) at);
        }
        return offsets;
    }

    /** Where the records of a segment end (preallocated zeros may follow). */
    static long dataEnd(Path segment) throws IOException {
        List<Long> offsets = recordOffsets(segment);
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(segment)).order(ByteOrder.LITTLE_ENDIAN);
        return offsets.getLast() + bytes.getInt(offsets.getLast().intValue());
    }

    static void setLength(Path file, long length) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(length);
        }
    }

    static void writeAt(Path file, long offset, byte[] bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            f.write(bytes);
        }
    }

    static void flipBit(Path file, long offset) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            int b = f.read();
            f.seek(offset);
            f.write(b ^ 0x10);
        }
    }

    static List<UUID> ids(FileEventStore store) {
        return store.readAll(0, 10_000).stream().map(RecordedEvent::eventId).toList();
    }

    @Test
    void truncated_tail_is_cut_back_to_the_last_whole_record() throws IOException {
        List<UUID> ids = crashedCopy();
        Path segment = segment1(crashed);
        long end = dataEnd(segment);
        setLength(segment, end - 7);
        try (FileEventStore store = FileEventStore.open(crashed)) {
            assertThat(ids(store)).containsExactlyElementsOf(ids.subList(0, EVENTS - 1));
            store.append(
                    "thing-9", ExpectedVersion.any(), List.of(NewEvent.of(UUID.randomUUID(), "t.After", new byte[3])));
            assertThat(store.headPosition()).isEqualTo(EVENTS);
        }
        assertThat(FileStoreVerifier.verify(crashed).ok()).isTrue();
    }

    @Test
    void flipped_bits_after_the_checkpoint_followed_by_valid_records_are_refused_not_truncated() throws IOException {
        crashedCopy();
        Path segment = segment1(crashed);
        List<Long> offsets = recordOffsets(segment);
        flipBit(segment, offsets.get(EVENTS - 3) + 70);
        VerificationReport before = FileStoreVerifier.verify(crashed);
        assertThat(before.ok()).isFalse();
        assertThat(before.file()).isEqualTo(segment);
        assertThat(before.offset()).isEqualTo(offsets.get(EVENTS - 3));
        byte[] bytes = Files.readAllBytes(segment);

        assertThatThrownBy(() -> FileEventStore.open(crashed))
                .isInstanceOfSatisfying(CorruptLogException.class, e -> {
                    assertThat(e.file()).isEqualTo(segment);
                    assertThat(e.offset()).isEqualTo(offsets.get(EVENTS - 3));
                })
                .hasMessageContaining(
                        "a valid record of position " + (EVENTS - 1) + " follows at offset " + offsets.get(EVENTS - 2));
        assertThat(Files.readAllBytes(segment)).isEqualTo(bytes);
    }

    @Test
    void garbage_after_the_preallocated_end_is_dropped_on_open_and_reported_by_the_verifier() throws IOException {
        List<UUID> ids = crashedCopy();
        Path segment = segment1(crashed);
        long end = dataEnd(segment);
        writeAt(segment, end + 1000, new byte[] {1, 2, 3});
        VerificationReport report = FileStoreVerifier.verify(crashed);
        assertThat(report.ok()).isFalse();
        assertThat(report.offset()).isEqualTo(end + 1000);
        try (FileEventStore store = FileEventStore.open(crashed)) {
            assertThat(ids(store)).containsExactlyElementsOf(ids);
        }
        assertThat(FileStoreVerifier.verify(crashed).ok()).isTrue();
    }

    @Test
    void flipped_bits_before_the_checkpoint_are_refused_with_file_and_offset() throws IOException {
        closedStore();
        Path segment = segment1(live);
        long damaged = recordOffsets(segment).get(10);
        flipBit(segment, damaged + 60);

        VerificationReport report = FileStoreVerifier.verify(live);
        assertThat(report.ok()).isFalse();
        assertThat(report.file()).isEqualTo(segment);
        assertThat(report.offset()).isEqualTo(damaged);
        assertThat(report.events()).isEqualTo(10);

        assertThatThrownBy(() ->
                        FileEventStore.open(FileStoreOptions.defaults(live).withVerifyOnOpen(true)))
                .isInstanceOfSatisfying(CorruptLogException.class, e -> {
                    assertThat(e.file()).isEqualTo(segment);
                    assertThat(e.offset()).isEqualTo(damaged);
                });
        try (FileEventStore store = FileEventStore.open(live)) {
            assertThat(store.readAll(0, 10)).hasSize(10);
            assertThatThrownBy(() -> store.readAll(0, 100))
                    .isInstanceOfSatisfying(
                            CorruptLogException.class,
                            e -> assertThat(e.offset()).isEqualTo(damaged));
        }
    }

    @Test
    void damage_to_the_last_checkpointed_record_is_refused_on_open() throws IOException {
        closedStore();
        Path segment = segment1(live);
        long damaged = recordOffsets(segment).getLast();
        flipBit(segment, damaged + 9);
        assertThatThrownBy(() -> FileEventStore.open(live)).isInstanceOfSatisfying(CorruptLogException.class, e -> {
            assertThat(e.file()).isEqualTo(segment);
            assertThat(e.offset()).isEqualTo(damaged);
        });
    }

    @Test
    void a_log_cut_short_before_the_checkpoint_is_refused() throws IOException {
        closedStore();
        Path segment = segment1(live);
        long end = dataEnd(segment);
        setLength(segment, end - 100);
        assertThatThrownBy(() -> FileEventStore.open(live))
                .isInstanceOfSatisfying(
                        CorruptLogException.class, e -> assertThat(e.file()).isEqualTo(segment));
    }

    @Test
    void a_missing_checkpoint_is_recovered_by_scanning() throws IOException {
        List<UUID> ids = closedStore();
        Files.delete(live.resolve(DataDir.CHECKPOINT));
        try (FileEventStore store = FileEventStore.open(live)) {
            assertThat(ids(store)).containsExactlyElementsOf(ids);
            assertThat(store.streamVersion("thing-1")).isEqualTo(9);
        }
        assertThat(FileStoreVerifier.verify(live).ok()).isTrue();
    }

    @Test
    void a_half_written_entry_index_is_rebuilt_from_the_log() throws IOException {
        List<UUID> ids = closedStore();
        setLength(live.resolve(DataDir.ENTRIES), EntryIndex.ENTRY * (EVENTS / 2) + 13);
        assertThat(FileStoreVerifier.verify(live).ok()).isFalse();
        try (FileEventStore store = FileEventStore.open(live)) {
            assertThat(ids(store)).containsExactlyElementsOf(ids);
            assertThat(store.readStream("thing-2", 0)).hasSize(10);
        }
        assertThat(FileStoreVerifier.verify(live).ok()).isTrue();
    }

    @Test
    void garbled_entries_and_snapshots_are_rebuilt_from_the_log() throws IOException {
        List<UUID> ids = closedStore();
        flipBit(live.resolve(DataDir.ENTRIES), EntryIndex.ENTRY * 20L + 5);
        flipBit(live.resolve(DataDir.STREAMS_SNAPSHOT), 100);
        flipBit(live.resolve(DataDir.IDS_SNAPSHOT), 100);
        VerificationReport report = FileStoreVerifier.verify(live);
        assertThat(report.ok()).isFalse();
        assertThat(report.file()).isEqualTo(live.resolve(DataDir.ENTRIES));
        try (FileEventStore store = FileEventStore.open(live)) {
            assertThat(ids(store)).containsExactlyElementsOf(ids);
            assertThat(store.append(
                                    "thing-0",
                                    ExpectedVersion.any(),
                                    List.of(NewEvent.of(ids.getFirst(), "t.Done", new byte[0])))
                            .duplicate())
                    .isTrue();
        }
        assertThat(FileStoreVerifier.verify(live).ok()).isTrue();
    }
}
