package dev.cairn.eventstore.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import java.nio.charset.StandardCharsets;

/**
 * One segment file: a 32-byte header (magic, format version, segment number, first position)
 * followed by records. Reads are positional, so any number of readers share the channel.
 */
final class Segment implements AutoCloseable {
    static final int HEADER = 32;
    static final byte[] MAGIC_BYTES = "CAIRNSEG".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT_VERSION = 1;

    final int number;
    final long firstPosition;
    final Path path;
    final FileChannel channel;

    private Segment(int number, long firstPosition, Path path, FileChannel channel) {
        this.number = number;
        this.firstPosition = firstPosition;
        this.path = path;
        this.channel = channel;
    }

    static String fileName(int number) {
        return String.format("log-%010d.seg", number);
    }

    /** Creates a new segment file with its header, forced, and forces the directory entry too. */
    static Segment create(Path dir, int number, long firstPosition) throws IOException {
        Path path = dir.resolve(fileName(number));
        FileChannel channel = Channels.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            ByteBuffer header = header(number, firstPosition);
            while (header.hasRemaining()) {
                channel.write(header, header.position());
            }
            channel.force(true);
            DataDir.forceDirectory(dir);
            return new Segment(number, firstPosition, path, channel);
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
        return open(path, number, Channels.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE));
    }

    /** Opens an existing segment for reading only (inspection: nothing may change a byte). */
    static Segment openReadOnly(Path path, int number) throws IOException {
        return open(path, number, FileChannel.open(path, StandardOpenOption.READ));
    }

    private static Segment open(Path path, int number, FileChannel channel) throws IOException {
        try {
            ByteBuffer header = RecordFormat.littleEndian(ByteBuffer.allocate(HEADER));
            readFully(channel, header, 0);
            String problem = checkHeader(header, number);
            if (problem != null) {
                throw new CorruptLogException(path, 0, problem);
            }
            return new Segment(number, header.getLong(16), path, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    static ByteBuffer header(int number, long firstPosition) {
        ByteBuffer header = RecordFormat.littleEndian(ByteBuffer.allocate(HEADER));
        header.put(MAGIC_BYTES).putInt(FORMAT_VERSION).putInt(number).putLong(firstPosition).putInt(0);
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

    /** Reads up to {@code buf.remaining()} bytes at {@code offset}; returns how many (less only at EOF). */
    int read(ByteBuffer buf, long offset) throws IOException {
        return readFully(channel, buf, offset);
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
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return path.getFileName().toString();
    }
}
