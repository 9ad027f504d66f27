package dev.cairn.eventstore.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * One 48-byte entry per global position, in a memory-mapped file: where the record is, the
 * previous position of its stream (the back-pointer chain stream reads walk), its version, the
 * hashes that key the stream and id tables, and the category and type hashes filtered reads test.
 * Each entry carries a CRC32C mixed with its position, so a half-written or shifted index is
 * detected rather than trusted. Off-heap: the page cache holds it, not the Java heap.
 *
 * <p>Only the writer thread writes; readers read entries at or below the published head, which
 * the writer wrote before publishing.
 */
final class EntryIndex implements AutoCloseable {
    static final int ENTRY = 48;
    private static final int CHUNK_BITS = 20;
    private static final int CHUNK_ENTRIES = 1 << CHUNK_BITS;
    private static final long CHUNK_BYTES = (long) CHUNK_ENTRIES * ENTRY;

    private final Path path;
    private final FileChannel channel;
    private volatile MappedByteBuffer[] chunks = new MappedByteBuffer[0];
    private final ByteBuffer scratch = RecordFormat.littleEndian(ByteBuffer.allocate(ENTRY));
    private final CRC32C crc = new CRC32C();

    EntryIndex(Path path) throws IOException {
        this.path = path;
        this.channel =
                FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    Path path() {
        return path;
    }

    /** How many positions the file has room for without growing; entries beyond may be garbage. */
    long mappedCapacityOnDisk() throws IOException {
        return channel.size() / ENTRY;
    }

    static long location(int segment, long offset) {
        return ((long) segment << 32) | offset;
    }

    static int segmentOf(long location) {
        return (int) (location >>> 32);
    }

    static int offsetOf(long location) {
        return (int) location;
    }

    /** Writer only. */
    void put(long position, long location, long prev, long h1, int version, int h2, int category, int type, int idHigh)
            throws IOException {
        ByteBuffer s = scratch;
        s.clear();
        s.putLong(location)
                .putLong(prev)
                .putLong(h1)
                .putInt(version)
                .putInt(h2)
                .putInt(category)
                .putInt(type)
                .putInt(idHigh);
        crc.reset();
        crc.update(s.array(), 0, ENTRY - 4);
        s.putInt((int) crc.getValue() ^ (int) Hashing.mix64(position));
        long index = position - 1;
        MappedByteBuffer chunk = chunkForWrite(index);
        try {
            chunk.put(offsetInChunk(index), s.array());
        } catch (InternalError e) {
            throw mappedFault("writing", e);
        }
    }

    /**
     * A store into a mapped page the file system cannot back (a full disk, an I/O error) arrives
     * as SIGBUS, which the JVM turns into an {@link InternalError} of no particular thread's making.
     * Callers expect I/O errors from a file, so it becomes one, naming the file.
     */
    private IOException mappedFault(String doing, Throwable e) {
        return new IOException(
                doing + " the memory-mapped entry index " + path
                        + " failed: the file system could not back a page (disk full or I/O error): " + e.getMessage(),
                e);
    }

    /** Whether the entry of {@code position} is whole (its CRC matches); it may still be an old one. */
    boolean valid(long position) {
        long index = position - 1;
        MappedByteBuffer[] mapped = chunks;
        if ((index >>> CHUNK_BITS) >= mapped.length) {
            return false;
        }
        return scanIn(mapped, position, position) == 0;
    }

    /**
     * Writes entries {@code from..to} again with the bytes they hold and forces them. After a
     * failed msync the kernel may have marked pages clean that never reached the disk; storing into
     * them makes them dirty again, so the force that follows really writes them (fsyncgate).
     */
    void rewriteAndForce(long from, long to) throws IOException {
        byte[] entry = new byte[ENTRY];
        try {
            for (long p = Math.max(1, from); p <= to; p++) {
                long index = p - 1;
                MappedByteBuffer chunk = chunks[(int) (index >>> CHUNK_BITS)];
                int off = offsetInChunk(index);
                chunk.get(off, entry);
                chunk.put(off, entry);
            }
        } catch (InternalError e) {
            throw mappedFault("rewriting", e);
        }
        force(from, to);
    }

    long location(long position) {
        return longAt(position, 0);
    }

    long prev(long position) {
        return longAt(position, 8);
    }

    long streamHash1(long position) {
        return longAt(position, 16);
    }

    int version(long position) {
        return intAt(position, 24);
    }

    int streamHash2(long position) {
        return intAt(position, 28);
    }

    int category(long position) {
        return intAt(position, 32);
    }

    int type(long position) {
        return intAt(position, 36);
    }

    int idHigh(long position) {
        return intAt(position, 40);
    }

    /**
     * Checks entries 1..{@code upTo}, in two halves on two threads for a large index; call it
     * before the writer or any reader starts (open and verify only).
     *
     * @return the first position whose entry is missing or damaged, or 0 when all are valid
     */
    long firstInvalid(long upTo) throws IOException {
        long onDisk = mappedCapacityOnDisk();
        long checkable = Math.min(upTo, onDisk);
        mapUpTo(checkable);
        long first;
        if (checkable < 2 * CHUNK_ENTRIES) {
            first = scan(1, checkable);
        } else {
            long mid = checkable / 2;
            long[] second = new long[1];
            Thread helper = Thread.ofPlatform().start(() -> second[0] = scan(mid + 1, checkable));
            first = scan(1, mid);
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while checking " + path, e);
            }
            if (first == 0) {
                first = second[0];
            }
        }
        return first != 0 ? first : checkable < upTo ? checkable + 1 : 0;
    }

    private long scan(long from, long to) {
        return scanIn(chunks, from, to);
    }

    private static long scanIn(MappedByteBuffer[] chunks, long from, long to) {
        CRC32C check = new CRC32C();
        ByteBuffer chunk = null;
        long chunkIndex = -1;
        for (long p = from; p <= to; p++) {
            long index = p - 1;
            if (index >>> CHUNK_BITS != chunkIndex) {
                chunkIndex = index >>> CHUNK_BITS;
                chunk = chunks[(int) chunkIndex].duplicate().order(ByteOrder.LITTLE_ENDIAN);
            }
            int off = offsetInChunk(index);
            check.reset();
            RecordFormat.update(check, chunk, off, ENTRY - 4);
            if (chunk.getInt(off + ENTRY - 4) != ((int) check.getValue() ^ (int) Hashing.mix64(p))) {
                return p;
            }
        }
        return 0;
    }

    /** Makes the entries for positions {@code from..to} durable, and the file's size with them. */
    void force(long from, long to) throws IOException {
        if (to < from) {
            return;
        }
        MappedByteBuffer[] mapped = chunks;
        try {
            for (long chunk = (from - 1) >>> CHUNK_BITS;
                    chunk <= (to - 1) >>> CHUNK_BITS && chunk < mapped.length;
                    chunk++) {
                mapped[(int) chunk].force();
            }
        } catch (UncheckedIOException | InternalError e) {
            throw mappedFault("forcing", e);
        }
        channel.force(false); // msync writes the pages; growing the file by mapping also changed its size
    }

    private long longAt(long position, int field) {
        long index = position - 1;
        return chunks[(int) (index >>> CHUNK_BITS)].getLong(offsetInChunk(index) + field);
    }

    private int intAt(long position, int field) {
        long index = position - 1;
        return chunks[(int) (index >>> CHUNK_BITS)].getInt(offsetInChunk(index) + field);
    }

    /** Where the entry of 0-based {@code index} starts within its chunk. */
    private static int offsetInChunk(long index) {
        return (int) ((index & (CHUNK_ENTRIES - 1)) * ENTRY);
    }

    private MappedByteBuffer chunkForWrite(long index) throws IOException {
        int chunk = (int) (index >>> CHUNK_BITS);
        MappedByteBuffer[] mapped = chunks;
        if (chunk >= mapped.length) {
            MappedByteBuffer[] grown = Arrays.copyOf(mapped, chunk + 1);
            for (int c = mapped.length; c <= chunk; c++) {
                grown[c] = (MappedByteBuffer) channel.map(FileChannel.MapMode.READ_WRITE, c * CHUNK_BYTES, CHUNK_BYTES)
                        .order(ByteOrder.LITTLE_ENDIAN);
            }
            chunks = grown;
            mapped = grown;
        }
        return mapped[chunk];
    }

    /** Makes sure entries up to {@code position} can be read (readers of a freshly opened store). */
    void mapUpTo(long position) throws IOException {
        if (position > 0) {
            chunkForWrite(position - 1);
        }
    }

    @Override
    public void close() throws IOException {
        chunks = new MappedByteBuffer[0];
        channel.close();
    }
}
