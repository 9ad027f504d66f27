package dev.cairn.eventstore.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Tells a torn tail from damage inside the log. A crash leaves an append cut short at the end of
 * the data and nothing valid after it; a flipped byte in the middle leaves a bad record followed
 * by good ones, acknowledged events that truncating would drop. The record boundaries after the
 * damage are lost, so every byte offset is tried: a later position in the header and a matching
 * header checksum is a record.
 */
final class DamageProbe {
    private static final int CHUNK = 1 << 20;

    private DamageProbe() {}

    /** A valid record holding a position above {@code head} after {@code from}, or null. */
    static Found validRecordAfter(Segment segment, long from, long head) throws IOException {
        long size = segment.size();
        ByteBuffer buf = RecordFormat.littleEndian(ByteBuffer.allocate(CHUNK + RecordFormat.HEADER));
        CRC32C crc = new CRC32C();
        for (long start = from + 1; start < size; start += CHUNK) {
            buf.clear();
            int read = segment.read(buf, start);
            for (int i = 0; i + RecordFormat.HEADER <= read && i < CHUNK; i++) {
                long position = buf.getLong(i + RecordFormat.OFF_POSITION);
                int length = buf.getInt(i);
                if (position > head
                        && position - head < (1L << 40)
                        && length >= RecordFormat.HEADER + 16
                        && buf.getInt(i + RecordFormat.OFF_HEADER_CRC) == RecordFormat.headerCrc(buf, i, crc)) {
                    return new Found(start + i, position);
                }
            }
        }
        return null;
    }

    record Found(long offset, long position) {}
}
