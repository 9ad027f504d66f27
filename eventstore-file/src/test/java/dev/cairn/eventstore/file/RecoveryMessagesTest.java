package dev.cairn.eventstore.file;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** What recovery logs: the positions and counts it names are the log's real ones. */
class RecoveryMessagesTest {
    @TempDir
    Path live;

    @TempDir
    Path crashed;

    final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        ((Logger) LoggerFactory.getLogger(Recovery.class)).addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(Recovery.class)).detachAppender(logged);
    }

    List<String> messages() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void a_torn_tail_names_the_position_the_log_really_ends_at() throws IOException {
        try (FileEventStore store =
                FileEventStore.open(FileStoreOptions.defaults(live).withCheckpointInterval(Long.MAX_VALUE))) {
            CorruptionTest test = new CorruptionTest();
            test.fill(store);
            try (Stream<Path> files = Files.list(live)) {
                for (Path f : files.toList()) {
                    if (!f.getFileName().toString().equals("lock")) {
                        Files.copy(f, crashed.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        Path segment = crashed.resolve(Segment.fileName(1));
        long end = CorruptionTest.dataEnd(segment);
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.setLength(end - 7);
        }

        try (FileEventStore store = FileEventStore.open(crashed)) {
            assertThat(store.headPosition()).isEqualTo(CorruptionTest.EVENTS - 1);
        }

        assertThat(messages())
                .anySatisfy(m -> assertThat(m)
                        .contains("truncating the torn tail of " + segment)
                        .endsWith("the log now ends at position " + (CorruptionTest.EVENTS - 1)));
        assertThat(messages())
                .anySatisfy(m -> assertThat(m)
                        .startsWith(
                                "Opened the event log in " + crashed + ": " + (CorruptionTest.EVENTS - 1) + " events"));
    }

    @Test
    void a_torn_tail_of_a_big_log_names_the_real_position_and_count() throws IOException {
        int events = 100_000;
        FileStoreOptions options =
                FileStoreOptions.defaults(live).withSegmentSize(4 << 20).withCheckpointInterval(2 << 20);
        try (FileEventStore store = FileEventStore.open(options)) {
            for (int i = 0; i < events; i += 100) {
                List<NewEvent> batch = new ArrayList<>();
                for (int j = 0; j < 100; j++) {
                    batch.add(NewEvent.of(UUID.randomUUID(), "t.Done", ("data " + (i + j)).getBytes()));
                }
                store.append("thing-" + (i / 100), ExpectedVersion.any(), batch.subList(0, 50));
                store.append("thing-" + (i / 100), ExpectedVersion.any(), batch.subList(50, 100));
            }
            copyAll(live, crashed);
        }
        Path segment;
        try (Stream<Path> files = Files.list(crashed)) {
            segment = files.filter(f -> f.getFileName().toString().endsWith(".seg"))
                    .max(Path::compareTo)
                    .orElseThrow();
        }
        long end = CorruptionTest.dataEnd(segment);
        long size = Files.size(segment);
        List<Long> offsets = CorruptionTest.recordOffsets(segment);
        long tornAppendStart = offsets.get(offsets.size() - 50);
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.seek(end - 7);
            f.write(new byte[7]);
        }

        try (FileEventStore store = FileEventStore.open(FileStoreOptions.defaults(crashed))) {
            assertThat(store.headPosition()).isEqualTo(events - 50);
        }

        assertThat(messages())
                .anySatisfy(m -> assertThat(m)
                        .contains("truncating the torn tail of " + segment + " at byte offset " + tornAppendStart)
                        .contains("dropped " + (end - 7 - tornAppendStart)
                                + " bytes of data (49 complete events of an unfinished append")
                        .contains(" and " + (size - (end - 7)) + " preallocated zero bytes")
                        .endsWith("the log now ends at position " + (events - 50)));
        assertThat(messages())
                .anySatisfy(m -> assertThat(m)
                        .startsWith(
                                "Opened the event log in " + crashed + ": " + (events - 50) + " events, 1000 streams"));
    }

    static void copyAll(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals("lock")) {
                    Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
