package dev.cairn.eventstore.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The stream and id tables dumped as raw arrays on close, so a clean reopen loads them in one
 * sequential read instead of rebuilding them from the entry index. Each file starts with a header
 * naming the position it describes and ends with a CRC32C of everything before it; a file that
 * does not match the checkpoint is ignored and the tables are rebuilt.
 */
final class Snapshots {
    private static final byte[] STREAMS_MAGIC = "CAIRNSTS".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] IDS_MAGIC = "CAIRNIDS".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 32;
    private static final int BUFFER = 1 << 20;

    private Snapshots() {}

    static void writeStreams(Path file, StreamTable table, long position) throws IOException {
        StreamTable.Slots s = table.slots();
        try (Writer out = new Writer(file)) {
            out.header(STREAMS_MAGIC, s.capacity(), position, table.count());
            for (long v : s.h1) {
                out.putLong(v);
            }
            for (int v : s.h2) {
                out.putInt(v);
            }
            for (long v : s.last) {
                out.putLong(v);
            }
        }
    }

    static void writeIds(Path file, IdTable table, long position) throws IOException {
        long[] slots = table.slots();
        try (Writer out = new Writer(file)) {
            out.header(IDS_MAGIC, slots.length, position, table.count());
            for (long v : slots) {
                out.putLong(v);
            }
        }
    }

    /** The stream table the snapshot holds for {@code position}, or null if it is missing, stale or damaged. */
    static StreamTable readStreams(Path file, long position) throws IOException {
        ByteBuffer buf = readTable(file, STREAMS_MAGIC, position, 20);
        if (buf == null) {
            return null;
        }
        int capacity = buf.getInt(12);
        StreamTable.Slots slots = new StreamTable.Slots(capacity);
        buf.asLongBuffer().get(slots.h1);
        buf.position(buf.position() + capacity * 8);
        buf.asIntBuffer().get(slots.h2);
        buf.position(buf.position() + capacity * 4);
        buf.asLongBuffer().get(slots.last);
        return new StreamTable(slots, (int) buf.getLong(24));
    }

    static IdTable readIds(Path file, long position) throws IOException {
        ByteBuffer buf = readTable(file, IDS_MAGIC, position, 8);
        if (buf == null) {
            return null;
        }
        long[] slots = new long[buf.getInt(12)];
        buf.asLongBuffer().get(slots);
        return new IdTable(slots, buf.getLong(24));
    }

    /**
     * A table snapshot positioned at its first slot, or null when it is missing, stale or damaged,
     * or its slot count is no power of two or does not fill the file exactly.
     */
    private static ByteBuffer readTable(Path file, byte[] magic, long position, int bytesPerSlot) throws IOException {
        ByteBuffer buf = readChecked(file, magic, position);
        if (buf == null) {
            return null;
        }
        int capacity = buf.getInt(12);
        if (Integer.bitCount(capacity) != 1 || buf.remaining() != (long) capacity * bytesPerSlot + 4) {
            return null;
        }
        return buf;
    }

    private static ByteBuffer readChecked(Path file, byte[] magic, long position) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < HEADER + 4 || size > Integer.MAX_VALUE) {
                return null;
            }
            ByteBuffer buf = RecordFormat.littleEndian(ByteBuffer.allocateDirect((int) size));
            Segment.readFully(channel, buf, 0);
            if (buf.remaining() != size) {
                return null;
            }
            CRC32C crc = new CRC32C();
            RecordFormat.update(crc, buf, 0, (int) size - 4);
            for (int i = 0; i < magic.length; i++) {
                if (buf.get(i) != magic[i]) {
                    return null;
                }
            }
            if (buf.getInt((int) size - 4) != (int) crc.getValue() || buf.getLong(16) != position) {
                return null;
            }
            return buf.position(HEADER);
        }
    }

    /** Buffered, checksummed writing to a temporary file that replaces the target on close. */
    private static final class Writer implements AutoCloseable {
        private final Path target;
        private final Path tmp;
        private final FileChannel channel;
        private final ByteBuffer buf = RecordFormat.littleEndian(ByteBuffer.allocateDirect(BUFFER));
        private final CRC32C crc = new CRC32C();

        Writer(Path target) throws IOException {
            this.target = target;
            this.tmp = target.resolveSibling(target.getFileName() + ".tmp");
            this.channel = FileChannel.open(
                    tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        }

        void header(byte[] magic, int capacity, long position, long count) throws IOException {
            buf.put(magic).putInt(1).putInt(capacity).putLong(position).putLong(count);
        }

        void putLong(long v) throws IOException {
            if (buf.remaining() < 8) {
                drain();
            }
            buf.putLong(v);
        }

        void putInt(int v) throws IOException {
            if (buf.remaining() < 4) {
                drain();
            }
            buf.putInt(v);
        }

        private void drain() throws IOException {
            buf.flip();
            crc.update(buf.duplicate());
            Channels.writeFully(channel, buf);
            buf.clear();
        }

        @Override
        public void close() throws IOException {
            drain();
            buf.putInt((int) crc.getValue()).flip();
            Channels.writeFully(channel, buf);
            channel.force(true);
            channel.close();
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            DataDir.forceDirectory(target.getParent());
        }
    }
}
