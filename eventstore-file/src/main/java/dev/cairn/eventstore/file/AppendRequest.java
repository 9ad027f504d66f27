package dev.cairn.eventstore.file;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

/**
 * One append on its way to the writer. The appending thread does everything that does not need
 * the log's state: encoding the records, checksumming their payloads, hashing the stream, ids
 * and types. So the single writer only assigns positions, checks versions and copies bytes.
 */
final class AppendRequest {
    final String streamId;
    final ExpectedVersion expected;
    final List<NewEvent> events;
    final long streamHash1;
    final int streamHash2;
    final int category;
    final byte[] records;
    final int[] idKeys;
    final int[] types;
    private final Thread waiter = Thread.currentThread();

    /** Link in the writer's inbox (a Treiber stack); written before the request is published. */
    AppendRequest next;

    AppendResult result;
    RuntimeException failure;
    private volatile boolean done;

    AppendRequest(String streamId, ExpectedVersion expected, List<NewEvent> events, TypeBytes typeBytes) {
        this.streamId = streamId;
        this.expected = expected;
        this.events = events;
        int[] key = new int[2];
        this.streamHash1 = Hashing.streamKey(streamId, key);
        this.streamHash2 = key[0];
        this.category = key[1];
        int n = events.size();
        this.idKeys = new int[n];
        this.types = new int[n];
        byte[] stream = streamId.getBytes(StandardCharsets.UTF_8);
        byte[][] typeNames = new byte[n][];
        byte[][] actors = new byte[n][];
        long size = 0;
        for (int i = 0; i < n; i++) {
            NewEvent e = events.get(i);
            typeNames[i] = typeBytes.of(e.type());
            actors[i] = e.actor().getBytes(StandardCharsets.UTF_8);
            size += RecordFormat.size(
                    stream.length,
                    typeNames[i].length,
                    e.data().length,
                    RecordFormat.flags(e.eventId(), e.correlationId(), e.causationId(), actors[i]),
                    actors[i].length);
        }
        if (size > Integer.MAX_VALUE - 1024) {
            throw new IllegalArgumentException(
                    "an append may carry at most 2 GiB, this one carries " + size + " bytes");
        }
        this.records = new byte[(int) size];
        ByteBuffer out = RecordFormat.littleEndian(ByteBuffer.wrap(records));
        CRC32C crc = new CRC32C();
        for (int i = 0; i < n; i++) {
            NewEvent e = events.get(i);
            RecordFormat.encode(
                    out,
                    n - 1 - i,
                    stream,
                    typeNames[i],
                    e.eventId(),
                    e.correlationId(),
                    e.causationId(),
                    actors[i],
                    e.data(),
                    crc);
            idKeys[i] = IdTable.key(e.eventId());
            types[i] = Hashing.type(e.type());
        }
    }

    void succeed(AppendResult appendResult) {
        result = appendResult;
    }

    void fail(RuntimeException e) {
        failure = e;
    }

    /** Fails every request from {@code first} on with what {@code failure} gives, and hands each back to its appender. */
    static void refuseAll(AppendRequest first, Supplier<? extends RuntimeException> failure) {
        for (AppendRequest r = first; r != null; ) {
            AppendRequest next = r.next; // read before complete(): a completed request is its appender's again
            r.fail(failure.get());
            r.complete();
            r = next;
        }
    }

    /** Hands the outcome back; the plain fields written before are published by the volatile write. */
    void complete() {
        done = true;
        LockSupport.unpark(waiter);
    }

    AppendResult await() {
        boolean interrupted = false;
        while (!done) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                interrupted = true; // the append may already be on disk: never abandon it half-way
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        return result;
    }
}
