package dev.cairn.eventstore.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * One segment file: a 32-byte header (magic, format version, segment number, first position)
 * followed by records. Reads are positional, so any number of readers share one channel.
 *
 * <p>Readers get their own channel, apart from the one the store writes, forces and truncates
 * through: a {@code FileChannel} closes itself for everyone when a thread inside it (or entering it)
 * is interrupted, and readers are threads the store does not own (a processor being stopped, a
 * request being cancelled). Such a close costs the interrupted read alone: the read channel is
 * opened again, other readers caught by the close retry, and the writer never notices.
 */
final class Segment implements AutoCloseable {
    static final int HEADER = 32;
    static final byte[] MAGIC_BYTES = "CAIRNSEG".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT_VERSION = 1;

    final int number;
    final long firstPosition;
    final Path path;
    /** Writes, forces and truncates: only the store's own threads use it. */
    final FileChannel channel;

    private volatile FileChannel reads;
    private volatile boolean closed;

    private Segment(int number, long firstPosition, Path path, FileChannel channel, FileChannel reads) {
        this.number = number;
        this.firstPosition = firstPosition;
        this.path = path;
        this.channel = channel;
        this.reads = reads;
    }

    static String fileName(int number) {
        return String.format("log-%010d.seg", number);
    }

    /** Creates a new segment file with its header, forced, and forces the directory entry too. */
    static Segment create(Path dir, int number, long firstPosition) throws IOException {
        Path path = dir.resolve(fileName(number));
        FileChannel channel =
                Channels.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            ByteBuffer header = header(number, firstPosition);
            while (header.hasRemaining()) {
                channel.write(header, header.position());
            }
            channel.force(true);
            DataDir.forceDirectory(dir);
            return new Segment(number, firstPosition, path, channel, Channels.open(path, StandardOpenOption.READ));
        } catch (IOException | RuntimeException e) {
            channel.close(); // the file stays; whoever resumes removes it with what the failed roll left
            throw e;
        }
    }

    /**
     * Opens an existing segment and checks its header.
     *
     * @throws CorruptLogException when the header is damaged
     */
    static Segment open(Path path, int number) throws IOException {
        return open(path, number, Channels.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE), false);
    }

    /** Opens an existing segment for reading only (inspection: nothing may change a byte). */
    static Segment openReadOnly(Path path, int number) throws IOException {
        return open(path, number, FileChannel.open(path, StandardOpenOption.READ), true);
    }

    private static Segment open(Path path, int number, FileChannel channel, boolean readOnly) throws IOException {
        FileChannel reads = null;
        try {
            ByteBuffer header = RecordFormat.littleEndian(ByteBuffer.allocate(HEADER));
            readFully(channel, header, 0);
            String problem = checkHeader(header, number);
            if (problem != null) {
                throw new CorruptLogException(path, 0, problem);
            }
            reads = readOnly ? channel : Channels.open(path, StandardOpenOption.READ);
            return new Segment(number, header.getLong(16), path, channel, reads);
        } catch (IOException | RuntimeException e) {
            channel.close();
            if (reads != null) {
                reads.close();
            }
            throw e;
        }
    }

    static ByteBuffer header(int number, long firstPosition) {
        ByteBuffer header = RecordFormat.littleEndian(ByteBuffer.allocate(HEADER));
        header.put(MAGIC_BYTES)
                .putInt(FORMAT_VERSION)
                .putInt(number)
                .putLong(firstPosition)
                .putInt(0);
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, 28);
        header.putInt((int) crc.getValue());
        return header.flip();
    }

    /** Null when the header is valid for a segment with this number, else the problem. */
    static String checkHeader(ByteBuffer header, int number) {
        if (header.limit() < HEADER) {
            return "segment header cut short (" + header.limit() + " of " + HEADER + " bytes)";
        }
        for (int i = 0; i < MAGIC_BYTES.length; i++) {
            if (header.get(i) != MAGIC_BYTES[i]) {
                return "not a Cairn segment (bad magic)";
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, 28);
        if (header.getInt(28) != (int) crc.getValue()) {
            return "segment header checksum mismatch";
        }
        if (header.getInt(8) != FORMAT_VERSION) {
            return "unsupported segment format version " + header.getInt(8);
        }
        if (header.getInt(12) != number) {
            return "segment header names number " + header.getInt(12) + ", file name says " + number;
        }
        return null;
    }

    long size() throws IOException {
        return channel.size();
    }

    /**
     * Reads up to {@code buf.remaining()} bytes at {@code offset}; returns how many (less only at EOF).
     *
     * @throws ClosedByInterruptException when the calling thread is interrupted (the read channel
     *                                    is opened again for the others first)
     */
    int read(ByteBuffer buf, long offset) throws IOException {
        int position = buf.position();
        int limit = buf.limit();
        while (true) {
            FileChannel reading = reads;
            try {
                return readFully(reading, buf, offset);
            } catch (ClosedChannelException closedUnderUs) {
                if (closed) {
                    throw closedUnderUs;
                }
                reopenReads(reading);
                if (closedUnderUs instanceof ClosedByInterruptException) {
                    throw closedUnderUs; // this thread was interrupted: its read fails, no one else's
                }
                buf.limit(limit).position(position); // another thread's interrupt closed it mid-read: again
            }
        }
    }

    private synchronized void reopenReads(FileChannel closedOne) throws IOException {
        if (reads == closedOne && !closed) {
            reads = Channels.open(path, StandardOpenOption.READ);
        }
    }

    static int readFully(FileChannel channel, ByteBuffer buf, long offset) throws IOException {
        int start = buf.position();
        while (buf.hasRemaining()) {
            int n = channel.read(buf, offset + buf.position() - start);
            if (n < 0) {
                break;
            }
        }
        int read = buf.position() - start;
        buf.flip();
        buf.position(start);
        return read;
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        try {
            channel.close();
        } finally {
            reads.close();
        }
    }

    @Override
    public String toString() {
        return path.getFileName().toString();
    }
}
