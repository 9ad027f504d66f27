package dev.cairn.eventstore.file;

import dev.cairn.core.store.ExpectedVersion;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Indexes records read back from the log, one whole append at a time: the records of an append
 * are held until its last one (batch-remaining 0) arrives, so an append cut short by a crash
 * never reaches the indexes (requirement 1 across crashes).
 */
final class Replayer {
    private final EntryIndex entries;
    private final StreamTable streams;
    private final IdTable ids;
    private long head;

    private int pending;
    private int expectedRemaining = -1;
    private String stream;
    private long h1;
    private int h2;
    private int category;
    private long firstVersion;
    private long[] locations = new long[16];
    private int[] types = new int[16];
    private int[] idKeys = new int[16];

    Replayer(EntryIndex entries, StreamTable streams, IdTable ids, long head) {
        this.entries = entries;
        this.streams = streams;
        this.ids = ids;
        this.head = head;
    }

    long head() {
        return head;
    }

    int pendingRecords() {
        return pending;
    }

    boolean batchComplete() {
        return pending == 0;
    }

    /**
     * Takes the next valid record of the log.
     *
     * @return null if it fits, else why it does not (a sequence error in the log)
     */
    String accept(ByteBuffer buf, int at, int segment, long offset) throws IOException {
        long position = RecordFormat.position(buf, at);
        if (position != head + pending + 1) {
            return "record holds position " + position + ", expected " + (head + pending + 1);
        }
        int remaining = RecordFormat.batchRemaining(buf, at);
        String streamId = RecordFormat.streamId(buf, at);
        long version = RecordFormat.version(buf, at);
        if (pending == 0) {
            stream = streamId;
            h1 = Hashing.stream1(streamId);
            h2 = Hashing.stream2(streamId);
            category = Hashing.category(streamId);
            long last = streams.last(h1, h2);
            long current = last == 0 ? ExpectedVersion.NO_STREAM_VERSION : entries.version(last);
            if (version != current + 1) {
                return "record holds version " + version + " of stream " + streamId + ", expected " + (current + 1);
            }
            firstVersion = version;
        } else if (remaining != expectedRemaining || !streamId.equals(stream) || version != firstVersion + pending) {
            return "record does not continue the append it belongs to";
        }
        if (pending == locations.length) {
            locations = Arrays.copyOf(locations, pending * 2);
            types = Arrays.copyOf(types, pending * 2);
            idKeys = Arrays.copyOf(idKeys, pending * 2);
        }
        locations[pending] = EntryIndex.location(segment, offset);
        types[pending] = Hashing.type(RecordFormat.type(buf, at));
        idKeys[pending] = IdTable.key(RecordFormat.eventId(buf, at));
        pending++;
        expectedRemaining = remaining - 1;
        if (remaining == 0) {
            commit();
        }
        return null;
    }

    private void commit() throws IOException {
        long prev = streams.last(h1, h2);
        for (int i = 0; i < pending; i++) {
            long position = head + 1 + i;
            entries.put(position, locations[i], prev, h1, (int) (firstVersion + i), h2, category, types[i], idKeys[i]);
            ids.insert(idKeys[i], position);
            prev = position;
        }
        streams.put(h1, h2, prev);
        head += pending;
        pending = 0;
    }
}
