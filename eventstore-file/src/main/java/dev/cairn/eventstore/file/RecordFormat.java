package dev.cairn.eventstore.file;

import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * The byte layout of one event record (see FORMAT.md). Two CRC32Cs protect a record: the payload
 * one is computed by the appending thread, the header one by the writer once it has assigned the
 * position, version and time. That split keeps checksumming the payload off the single writer.
 */
final class RecordFormat {
    static final int HEADER = 48;
    static final int OFF_LENGTH = 0;
    static final int OFF_HEADER_CRC = 4;
    static final int OFF_POSITION = 8;
    static final int OFF_VERSION = 16;
    static final int OFF_RECORDED_AT = 24;
    static final int OFF_PAYLOAD_CRC = 32;
    static final int OFF_BATCH_REMAINING = 36;
    static final int OFF_STREAM_LEN = 38;
    static final int OFF_TYPE_LEN = 40;
    static final int OFF_FLAGS = 42;
    /** Length of the actor in UTF-8 bytes (0..255); 0 in records written before actors were stored. */
    static final int OFF_ACTOR_LEN = 43;

    static final int OFF_DATA_LEN = 44;
    static final int OFF_EVENT_ID = 48;
    static final int FLAG_CORRELATION = 1;
    static final int FLAG_CAUSATION = 2;
    /** The record carries an actor, after the ids (records without it were written before, or without an actor). */
    static final int FLAG_ACTOR = 4;

    private static final int KNOWN_FLAGS = FLAG_CORRELATION | FLAG_CAUSATION | FLAG_ACTOR;
    /** Largest record accepted when reading; guards against a garbage length. */
    static final int MAX_RECORD = Integer.MAX_VALUE - 64;

    private RecordFormat() {}

    static int size(int streamLen, int typeLen, int dataLen, int flags, int actorLen) {
        return HEADER
                + 16
                + Integer.bitCount(flags & 3) * 16
                + ((flags & FLAG_ACTOR) != 0 ? actorLen : 0)
                + streamLen
                + typeLen
                + dataLen;
    }

    static int flags(UUID eventId, UUID correlationId, UUID causationId, byte[] actor) {
        return (correlationId.equals(eventId) ? 0 : FLAG_CORRELATION)
                | (causationId.equals(eventId) ? 0 : FLAG_CAUSATION)
                | (actor.length == 0 ? 0 : FLAG_ACTOR);
    }

    /** Writes a record whose position, version, time and header CRC are left for the writer. */
    static void encode(
            ByteBuffer out,
            int batchRemaining,
            byte[] stream,
            byte[] type,
            UUID id,
            UUID correlation,
            UUID causation,
            byte[] actor,
            byte[] data,
            CRC32C crc) {
        int start = out.position();
        int flags = flags(id, correlation, causation, actor);
        int length = size(stream.length, type.length, data.length, flags, actor.length);
        out.putInt(length)
                .putInt(0)
                .putLong(0)
                .putLong(0)
                .putLong(0)
                .putInt(0)
                .putShort((short) batchRemaining)
                .putShort((short) stream.length)
                .putShort((short) type.length)
                .put((byte) flags)
                .put((byte) actor.length)
                .putInt(data.length);
        out.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        if ((flags & FLAG_CORRELATION) != 0) {
            out.putLong(correlation.getMostSignificantBits()).putLong(correlation.getLeastSignificantBits());
        }
        if ((flags & FLAG_CAUSATION) != 0) {
            out.putLong(causation.getMostSignificantBits()).putLong(causation.getLeastSignificantBits());
        }
        out.put(actor).put(stream).put(type).put(data);
        crc.reset();
        crc.update(out.array(), out.arrayOffset() + start + HEADER, length - HEADER);
        out.putInt(start + OFF_PAYLOAD_CRC, (int) crc.getValue());
    }

    /** Fills in what only the writer knows and seals the header with its CRC. */
    static void seal(ByteBuffer buf, int off, long position, long version, long recordedAtNanos, CRC32C crc) {
        buf.putLong(off + OFF_POSITION, position);
        buf.putLong(off + OFF_VERSION, version);
        buf.putLong(off + OFF_RECORDED_AT, recordedAtNanos);
        buf.putInt(off + OFF_HEADER_CRC, headerCrc(buf, off, crc));
    }

    static int headerCrc(ByteBuffer buf, int off, CRC32C crc) {
        crc.reset();
        update(crc, buf, off, 4);
        update(crc, buf, off + OFF_POSITION, HEADER - OFF_POSITION);
        return (int) crc.getValue();
    }

    /** Checksums a range without allocating a slice; the buffer's position and limit are restored. */
    static void update(CRC32C crc, ByteBuffer buf, int from, int len) {
        if (buf.hasArray()) {
            crc.update(buf.array(), buf.arrayOffset() + from, len);
            return;
        }
        int position = buf.position();
        int limit = buf.limit();
        buf.limit(from + len).position(from);
        crc.update(buf);
        buf.limit(limit).position(position);
    }

    /**
     * Checks the record at {@code off}, of which {@code available} bytes are in the buffer.
     *
     * @return null when the record is whole and valid, else what is wrong with it
     */
    static String check(ByteBuffer buf, int off, int available, CRC32C crc) {
        if (available < HEADER) {
            return "record header cut short (" + available + " of " + HEADER + " bytes)";
        }
        int length = buf.getInt(off);
        if (buf.getInt(off + OFF_HEADER_CRC) != headerCrc(buf, off, crc)) {
            return "header checksum mismatch";
        }
        int flags = buf.get(off + OFF_FLAGS);
        int expected = size(
                u16(buf, off + OFF_STREAM_LEN),
                u16(buf, off + OFF_TYPE_LEN),
                buf.getInt(off + OFF_DATA_LEN),
                flags,
                actorLength(buf, off));
        if (length != expected || length < HEADER + 16 || (flags & ~KNOWN_FLAGS) != 0) {
            return "inconsistent record length " + length;
        }
        if (available < length) {
            return "record cut short (" + available + " of " + length + " bytes)";
        }
        crc.reset();
        update(crc, buf, off + HEADER, length - HEADER);
        if (buf.getInt(off + OFF_PAYLOAD_CRC) != (int) crc.getValue()) {
            return "payload checksum mismatch";
        }
        return null;
    }

    static int length(ByteBuffer buf, int off) {
        return buf.getInt(off + OFF_LENGTH);
    }

    static long position(ByteBuffer buf, int off) {
        return buf.getLong(off + OFF_POSITION);
    }

    static long version(ByteBuffer buf, int off) {
        return buf.getLong(off + OFF_VERSION);
    }

    static int batchRemaining(ByteBuffer buf, int off) {
        return u16(buf, off + OFF_BATCH_REMAINING);
    }

    static UUID eventId(ByteBuffer buf, int off) {
        return new UUID(buf.getLong(off + OFF_EVENT_ID), buf.getLong(off + OFF_EVENT_ID + 8));
    }

    static String streamId(ByteBuffer buf, int off) {
        int at = off + streamOffset(buf, off);
        return string(buf, at, u16(buf, off + OFF_STREAM_LEN));
    }

    static String type(ByteBuffer buf, int off) {
        return string(buf, off + streamOffset(buf, off) + u16(buf, off + OFF_STREAM_LEN), u16(buf, off + OFF_TYPE_LEN));
    }

    /** Decodes a checked record; {@code types} interns type names so a scan allocates one per type. */
    static RecordedEvent decode(ByteBuffer buf, int off, TypeNames types, TypeNames streams) {
        int flags = buf.get(off + OFF_FLAGS);
        UUID id = eventId(buf, off);
        int at = off + OFF_EVENT_ID + 16;
        UUID correlation = id;
        UUID causation = id;
        if ((flags & FLAG_CORRELATION) != 0) {
            correlation = new UUID(buf.getLong(at), buf.getLong(at + 8));
            at += 16;
        }
        if ((flags & FLAG_CAUSATION) != 0) {
            causation = new UUID(buf.getLong(at), buf.getLong(at + 8));
            at += 16;
        }
        String actor = NewEvent.NO_ACTOR;
        if ((flags & FLAG_ACTOR) != 0) {
            int actorLen = actorLength(buf, off);
            actor = string(buf, at, actorLen);
            at += actorLen;
        }
        int streamLen = u16(buf, off + OFF_STREAM_LEN);
        int typeLen = u16(buf, off + OFF_TYPE_LEN);
        int dataLen = buf.getInt(off + OFF_DATA_LEN);
        String stream = streams.name(buf, at, streamLen);
        at += streamLen;
        String type = types.name(buf, at, typeLen);
        at += typeLen;
        byte[] data;
        if (buf.hasArray()) {
            int from = buf.arrayOffset() + at;
            data = Arrays.copyOfRange(buf.array(), from, from + dataLen);
        } else {
            data = new byte[dataLen];
            buf.get(at, data);
        }
        long nanos = buf.getLong(off + OFF_RECORDED_AT);
        return new RecordedEvent(
                id,
                stream,
                buf.getLong(off + OFF_VERSION),
                buf.getLong(off + OFF_POSITION),
                type,
                Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)),
                correlation,
                causation,
                data,
                actor);
    }

    static long epochNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    private static int streamOffset(ByteBuffer buf, int off) {
        int flags = buf.get(off + OFF_FLAGS);
        return OFF_EVENT_ID
                + 16
                + Integer.bitCount(flags & 3) * 16
                + ((flags & FLAG_ACTOR) != 0 ? actorLength(buf, off) : 0);
    }

    private static int actorLength(ByteBuffer buf, int off) {
        return buf.get(off + OFF_ACTOR_LEN) & 0xff;
    }

    static int u16(ByteBuffer buf, int at) {
        return buf.getShort(at) & 0xffff;
    }

    static String string(ByteBuffer buf, int at, int len) {
        if (buf.hasArray()) {
            return new String(buf.array(), buf.arrayOffset() + at, len, StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[len];
        buf.get(at, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static ByteBuffer littleEndian(ByteBuffer buf) {
        return buf.order(ByteOrder.LITTLE_ENDIAN);
    }
}
