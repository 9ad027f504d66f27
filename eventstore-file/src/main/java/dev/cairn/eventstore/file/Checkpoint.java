package dev.cairn.eventstore.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * What is known good on disk: the log up to {@code position} (ending at {@code endOffset} of
 * segment {@code segment}) and its entry index. Written only after both are forced, replacing the
 * previous checkpoint atomically (write a temporary file, force, rename, force the directory).
 *
 * @param snapshotPosition {@code position} when the stream and id table snapshots describe
 *                         exactly this checkpoint (written on close), else 0
 */
record Checkpoint(int segment, long position, long endOffset, long snapshotPosition) {
    static final int SIZE = 64;
    private static final byte[] MAGIC = "CAIRNCKP".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;

    ByteBuffer encode() {
        ByteBuffer buf = RecordFormat.littleEndian(ByteBuffer.allocate(SIZE));
        buf.put(MAGIC)
                .putInt(VERSION)
                .putInt(segment)
                .putLong(position)
                .putLong(endOffset)
                .putLong(snapshotPosition);
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, SIZE - 4);
        buf.putInt(SIZE - 4, (int) crc.getValue());
        return buf.clear();
    }

    void write(Path dir) throws IOException {
        Path tmp = dir.resolve(DataDir.CHECKPOINT + ".tmp");
        try (FileChannel channel = Channels.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = encode();
            Channels.writeFully(channel, buf);
            channel.force(true);
        }
        Files.move(
                tmp,
                dir.resolve(DataDir.CHECKPOINT),
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        DataDir.forceDirectory(dir);
    }

    /**
     * @return the checkpoint, or null when there is none
     * @throws CorruptLogException when the file exists but is damaged
     */
    static Checkpoint read(Path dir) throws IOException {
        Path file = dir.resolve(DataDir.CHECKPOINT);
        if (!Files.exists(file)) {
            return null;
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != SIZE) {
            throw new CorruptLogException(file, 0, "checkpoint is " + bytes.length + " bytes, expected " + SIZE);
        }
        ByteBuffer buf = RecordFormat.littleEndian(ByteBuffer.wrap(bytes));
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, SIZE - 4);
        if (buf.getInt(SIZE - 4) != (int) crc.getValue()) {
            throw new CorruptLogException(file, 0, "checkpoint checksum mismatch");
        }
        if (!Arrays.equals(bytes, 0, 8, MAGIC, 0, 8) || buf.getInt(8) != VERSION) {
            throw new CorruptLogException(file, 0, "not a Cairn checkpoint of format version " + VERSION);
        }
        return new Checkpoint(buf.getInt(12), buf.getLong(16), buf.getLong(24), buf.getLong(32));
    }
}
