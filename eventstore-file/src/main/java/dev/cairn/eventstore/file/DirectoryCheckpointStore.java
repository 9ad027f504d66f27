package dev.cairn.eventstore.file;

import dev.cairn.core.processing.CheckpointStore;
import dev.cairn.core.processing.ParkedEvent;
import dev.cairn.core.store.EventStoreException;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Durable checkpoints in a directory: one small file per processor, replaced atomically (write a
 * temporary file, force it, rename), so a crash leaves either the old or the new checkpoint, never
 * a torn one. Parked events are kept one file each under {@code parked/<processor>/}.
 */
public final class DirectoryCheckpointStore implements CheckpointStore {

    private final Path directory;

    public DirectoryCheckpointStore(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory.resolve("parked"));
        } catch (IOException e) {
            throw new EventStoreException("cannot create checkpoint directory " + directory, e);
        }
    }

    @Override
    public long load(String processor) {
        Path file = directory.resolve(fileName(processor) + ".checkpoint");
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return Long.parseLong(text);
        } catch (NoSuchFileException missing) {
            return 0;
        } catch (IOException | NumberFormatException e) {
            throw new EventStoreException("unreadable checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void save(String processor, long position) {
        writeAtomically(
                directory.resolve(fileName(processor) + ".checkpoint"),
                Long.toString(position).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public synchronized void park(ParkedEvent parked) {
        Path dir = parkedDirectory(parked.processor());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new EventStoreException("cannot create " + dir, e);
        }
        writeAtomically(dir.resolve(String.format("%020d.parked", parked.event().position())), encode(parked));
    }

    @Override
    public List<ParkedEvent> parked(String processor) {
        Path dir = parkedDirectory(processor);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<ParkedEvent> result = new ArrayList<>();
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".parked")).sorted().toList()) {
                result.add(decode(processor, Files.readAllBytes(file)));
            }
            return result;
        } catch (IOException e) {
            throw new EventStoreException("cannot read parked events in " + dir, e);
        }
    }

    @Override
    public synchronized void unpark(String processor, long position) {
        try {
            Files.deleteIfExists(parkedDirectory(processor).resolve(String.format("%020d.parked", position)));
        } catch (IOException e) {
            throw new EventStoreException("cannot unpark event " + position + " of " + processor, e);
        }
    }

    private Path parkedDirectory(String processor) {
        return directory.resolve("parked").resolve(fileName(processor));
    }

    /** Processor names become file names; anything unusual is escaped so names cannot collide or escape the directory. */
    private static String fileName(String processor) {
        StringBuilder name = new StringBuilder();
        for (char c : processor.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.') {
                name.append(c);
            } else {
                name.append('_').append(String.format("%04x", (int) c));
            }
        }
        return name.toString();
    }

    private static void writeAtomically(Path target, byte[] content) {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            Channels.writeFully(channel, buffer);
            channel.force(true);
        } catch (IOException e) {
            throw new EventStoreException("cannot write " + temporary, e);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new EventStoreException("the file system of " + target + " cannot rename atomically", e);
        } catch (IOException e) {
            throw new EventStoreException("cannot replace " + target, e);
        }
    }

    private static byte[] encode(ParkedEvent parked) {
        RecordedEvent e = parked.event();
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeUTF(e.eventId().toString());
            out.writeUTF(e.streamId());
            out.writeLong(e.version());
            out.writeLong(e.position());
            out.writeUTF(e.type());
            out.writeUTF(e.recordedAt().toString());
            out.writeUTF(e.correlationId().toString());
            out.writeUTF(e.causationId().toString());
            out.writeInt(e.data().length);
            out.write(e.data());
            out.writeUTF(truncate(parked.error()));
            out.writeInt(parked.attempts());
            out.writeUTF(parked.parkedAt().toString());
            // Last, so files written before the actor was kept still read (as NO_ACTOR).
            out.writeUTF(e.actor());
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return bytes.toByteArray();
    }

    private static ParkedEvent decode(String processor, byte[] content) throws IOException {
        try (var in = new DataInputStream(new ByteArrayInputStream(content))) {
            UUID eventId = UUID.fromString(in.readUTF());
            String streamId = in.readUTF();
            long version = in.readLong();
            long position = in.readLong();
            String type = in.readUTF();
            Instant recordedAt = Instant.parse(in.readUTF());
            UUID correlationId = UUID.fromString(in.readUTF());
            UUID causationId = UUID.fromString(in.readUTF());
            byte[] data = in.readNBytes(in.readInt());
            String error = in.readUTF();
            int attempts = in.readInt();
            Instant parkedAt = Instant.parse(in.readUTF());
            String actor = in.available() > 0 ? in.readUTF() : NewEvent.NO_ACTOR;
            var event = new RecordedEvent(
                    eventId, streamId, version, position, type, recordedAt, correlationId, causationId, data, actor);
            return new ParkedEvent(processor, event, error, attempts, parkedAt);
        }
    }

    /** writeUTF holds at most 64 KiB; an error message never needs that much. */
    private static String truncate(String text) {
        return text.length() > 8_000 ? text.substring(0, 8_000) + "…" : text;
    }
}
