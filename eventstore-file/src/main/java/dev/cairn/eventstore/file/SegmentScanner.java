package dev.cairn.eventstore.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Walks the records of one segment in file order with large sequential reads, checking each one.
 * Used by recovery, by verify-on-open and by the verifier. Stops at the end of the file or at the
 * first record that is not whole and valid, and then says what is wrong and where.
 */
final class SegmentScanner {
    private final Segment segment;
    private final long fileSize;
    private final CRC32C crc = new CRC32C();
    private ByteBuffer buf;
    private long windowStart;
    private int windowLength;
    private long offset;
    private int at = -1;
    private int length;
    private String problem;

    SegmentScanner(Segment segment, long startOffset, int chunk) throws IOException {
        this.segment = segment;
        this.fileSize = segment.size();
        this.buf = RecordFormat.littleEndian(ByteBuffer.allocate(chunk));
        this.offset = startOffset;
        this.windowStart = startOffset;
    }

    /**
     * Moves to the next record.
     *
     * @return true when positioned on a valid record; false at the end of the file or on a problem
     */
    boolean next() throws IOException {
        if (at >= 0) {
            offset += length;
        }
        at = -1;
        if (offset >= fileSize) {
            return false;
        }
        if (!ensure(RecordFormat.HEADER)) {
            if (allZero((int) (offset - windowStart), windowLength - (int) (offset - windowStart))) {
                return false; // preallocated zeros: the end of the data
            }
            return fail("record header cut short at the end of the file (" + (fileSize - offset) + " bytes)");
        }
        int local = (int) (offset - windowStart);
        int len = RecordFormat.length(buf, local);
        if (len == 0) {
            return false; // preallocated zeros: the end of the data
        }
        if (len >= RecordFormat.HEADER + 16 && len <= RecordFormat.MAX_RECORD && offset + len <= fileSize) {
            if (!ensure(len)) {
                return fail("cannot read record");
            }
            local = (int) (offset - windowStart);
        }
        String bad = RecordFormat.check(buf, local, (int) Math.min(windowLength - local, fileSize - offset), crc);
        if (bad != null) {
            return fail(bad);
        }
        at = local;
        length = len;
        return true;
    }

    private boolean allZero(int from, int count) {
        for (int i = 0; i < count; i++) {
            if (buf.get(from + i) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * After a clean end before the end of the file: the offset of the first non-zero byte after
     * it, or -1 when only zeros follow (for the verifier: nothing may hide behind the end).
     */
    long firstNonZeroAfterEnd() throws IOException {
        for (long at = offset; at < fileSize; ) {
            buf.clear();
            int n = segment.read(buf, at);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buf.get(i) != 0) {
                    return at + i;
                }
            }
            at += n;
        }
        windowLength = 0;
        return -1;
    }

    private boolean fail(String what) {
        problem = what;
        return false;
    }

    /** Makes {@code needed} bytes from {@code offset} available in the window if the file has them. */
    private boolean ensure(int needed) throws IOException {
        if (offset >= windowStart && offset + needed <= windowStart + windowLength) {
            return true;
        }
        int wanted = needed;
        if (offset + needed > fileSize) {
            needed = (int) (fileSize - offset);
        }
        if (buf.capacity() < needed) {
            buf = RecordFormat.littleEndian(ByteBuffer.allocate(needed));
        }
        buf.clear();
        int n = segment.read(buf, offset);
        windowStart = offset;
        windowLength = n;
        return n >= wanted;
    }

    ByteBuffer buffer() {
        return buf;
    }

    /** Where the current record starts in {@link #buffer()}. */
    int at() {
        return at;
    }

    /** The current record's offset in the file, or, after {@code next()} returned false, where scanning stopped. */
    long offset() {
        return offset;
    }

    int length() {
        return length;
    }

    /** Null after a clean end of file; what is wrong at {@link #offset()} otherwise. */
    String problem() {
        return problem;
    }

    Segment segment() {
        return segment;
    }

    long fileSize() {
        return fileSize;
    }
}
