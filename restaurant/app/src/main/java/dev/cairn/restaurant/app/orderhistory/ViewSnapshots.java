package dev.cairn.restaurant.app.orderhistory;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.ReadLog;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.json.CairnJson;
import dev.cairn.restaurant.orderhistory.domain.OrderViewRow;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order-history view's local snapshot: one JSON file holding every row, the log position the
 * rows cover, and the event the view applied last (its position and id, which tie the snapshot
 * to its log). Written whole to a temporary file, flushed to disk, then renamed over the previous
 * one (an atomic move), so a reader finds the old snapshot or the new one, never half of one.
 *
 * <p>At start the snapshot is loaded only if the log still has that last event at that position;
 * otherwise (another database, a log rebuilt since, a file that does not parse) it is ignored and
 * the view is rebuilt from the log.
 */
final class ViewSnapshots {

    private static final Logger LOG = LoggerFactory.getLogger(ViewSnapshots.class);
    static final String FORMAT = "cairn.order-history.snapshot/1";

    /**
     * One snapshot.
     *
     * @param position          the log position the rows cover: replay starts after it
     * @param lastEventPosition the position of the last event the view applied (the log's identity check)
     * @param lastEventId       that event's id
     * @param completeAt        when the view last knew it had every event (for {@code Cairn-Stale} after a restart)
     */
    record Snapshot(
            String format,
            long position,
            long lastEventPosition,
            UUID lastEventId,
            Instant completeAt,
            Instant writtenAt,
            List<OrderViewRow> rows) {
        Snapshot {
            rows = List.copyOf(rows);
        }
    }

    private final Path file;
    private final ObjectMapper json = CairnJson.mapper();

    ViewSnapshots(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    Path file() {
        return file;
    }

    /** The snapshot, if there is one that belongs to this log. */
    Optional<Snapshot> load(ReadLog log) {
        if (!Files.exists(file)) {
            LOG.info("order-history: no snapshot at {}, rebuilding the view from the log", file);
            return Optional.empty();
        }
        Snapshot snapshot;
        try {
            snapshot = json.readValue(file.toFile(), Snapshot.class);
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "order-history: snapshot {} cannot be read ({}), rebuilding the view from the log",
                    file,
                    e.toString());
            return Optional.empty();
        }
        if (!FORMAT.equals(snapshot.format())) {
            LOG.warn(
                    "order-history: snapshot {} has format {}, not {}; rebuilding the view from the log",
                    file,
                    snapshot.format(),
                    FORMAT);
            return Optional.empty();
        }
        List<RecordedEvent> atLast = log.readAll(snapshot.lastEventPosition() - 1, 1, EventFilter.all());
        if (atLast.isEmpty()
                || atLast.getFirst().position() != snapshot.lastEventPosition()
                || !atLast.getFirst().eventId().equals(snapshot.lastEventId())) {
            LOG.warn(
                    "order-history: snapshot {} is not of this log (no event {} at position {}); rebuilding the view from the log",
                    file,
                    snapshot.lastEventId(),
                    snapshot.lastEventPosition());
            return Optional.empty();
        }
        LOG.info(
                "order-history: loaded snapshot {} of {} orders at position {} (written {}); replaying the log after it",
                file,
                snapshot.rows().size(),
                snapshot.position(),
                snapshot.writtenAt());
        return Optional.of(snapshot);
    }

    /** Replaces the snapshot, atomically. */
    void write(Snapshot snapshot) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                json.writeValue(new NonClosing(out), snapshot);
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("writing the order-history snapshot " + file, e);
        }
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // Not every file system lets a directory be opened; the rename itself is atomic anyway.
        }
    }

    /** Lets Jackson finish without closing the channel before it is forced. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
