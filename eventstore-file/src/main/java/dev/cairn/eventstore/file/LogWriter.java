package dev.cairn.eventstore.file;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.AppendRules;
import dev.cairn.core.store.EventStoreException;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.PositionWaiter;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.WrongExpectedVersionException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.zip.CRC32C;

/**
 * The single writer with adaptive group commit. Appending threads push requests onto a lock-free
 * stack; the writer takes everything there at once, validates and encodes each request in arrival
 * order, writes the group with one positional write and makes it durable with one
 * {@code force}. Whatever arrives during that force forms the next group, so a lone writer waits
 * for exactly one force and many writers share one: no timer, no tuning.
 *
 * <p>Positions are published to readers (and acknowledged to writers) only after the force. If
 * writing or forcing fails the store stops taking appends: after a failed fsync the state of the
 * page cache is unknown, and carrying on could acknowledge data that is not on disk.
 */
final class LogWriter implements Runnable {

    private final DataDir dir;
    private final FileStoreOptions options;
    private final Clock clock;
    private final SegmentList segments;
    private final EntryIndex entries;
    private final StreamTable streams;
    private final IdTable ids;
    private final Inbox<AppendRequest> inbox = new Inbox<>(r -> r.next, (r, next) -> r.next = next);
    private final Thread thread;
    private final CRC32C crc = new CRC32C();
    private final IdProbe idProbe = new IdProbe();
    private final TypeNames typeNames = new TypeNames();
    private final ByteBuffer small = RecordFormat.littleEndian(ByteBuffer.allocate(RecordFormat.HEADER + 16));
    private final Preallocator preallocator;

    private Segment current;
    private ByteBuffer buffer;
    /** File offset in {@link #current} where {@link #buffer}'s first byte goes. */
    private long bufferFileOffset;

    private long writerHead;
    private volatile boolean closing;
    private volatile boolean aborting;
    private volatile boolean stopped;
    private volatile Throwable failure;

    private volatile long appends;
    private volatile long events;
    private volatile long bytes;
    private final GroupSyncer syncer;
    /** False once appends were rolled back in place: the tables then hold leftovers no snapshot may keep. */
    private final boolean tablesExact;

    private final Consumer<Throwable> onFault;

    /**
     * @param checkpointPosition the position the checkpoint on disk names (entries after it are not forced yet)
     * @param onFault            told once when writing or forcing fails; the writer has then stopped
     */
    LogWriter(
            DataDir dir,
            FileStoreOptions options,
            OpenedLog log,
            PositionWaiter signal,
            long checkpointPosition,
            boolean tablesExact,
            Consumer<Throwable> onFault) {
        this.dir = dir;
        this.options = options;
        this.clock = options.clock();
        this.segments = log.segments();
        this.entries = log.entries();
        this.streams = log.streams();
        this.ids = log.ids();
        this.current = segments.last();
        this.bufferFileOffset = log.endOffset();
        this.writerHead = log.head();
        this.buffer = RecordFormat.littleEndian(ByteBuffer.allocateDirect(options.writeBufferSize()));
        this.thread = Thread.ofPlatform()
                .name("cairn-log-writer " + options.dataDir())
                .unstarted(this);
        this.preallocator = new Preallocator(options.segmentSize(), options.dataDir());
        this.tablesExact = tablesExact;
        this.onFault = onFault;
        this.syncer = new GroupSyncer(
                signal,
                entries,
                dir.dir,
                options.checkpointInterval(),
                new GroupSyncer.Durable(log.head(), current, log.endOffset()),
                checkpointPosition,
                options.dataDir().toString(),
                onFault);
    }

    void start() {
        preallocator.start(current, bufferFileOffset);
        syncer.start();
        thread.start();
    }

    /** Queues a request; the caller then waits on it. */
    void submit(AppendRequest request) {
        if (inbox.push(request)) {
            LockSupport.unpark(thread);
        }
        if (stopped) {
            failQueued();
        }
    }

    /** Stops taking appends, lets queued ones finish, writes the final checkpoint and waits. */
    void close() {
        closing = true;
        LockSupport.unpark(thread);
        Threads.joinUninterruptibly(thread);
    }

    /**
     * Stops at once after a fault, without a final checkpoint: what was written after the last
     * successful force is not trusted, and whoever resumes rolls it back.
     */
    void abort() {
        aborting = true;
        LockSupport.unpark(thread);
        Threads.joinUninterruptibly(thread);
    }

    Throwable failure() {
        return failure != null ? failure : syncer.failure();
    }

    /** Where the log was last forced; valid once the writer stopped. */
    GroupSyncer.Durable durable() {
        return syncer.durable();
    }

    long checkpointPosition() {
        return syncer.checkpointPosition();
    }

    /** The last position the writer assigned, acknowledged or not; valid once the writer stopped. */
    long writerHead() {
        return writerHead;
    }

    FileStoreMetrics metrics() {
        return new FileStoreMetrics(appends, events, bytes, syncer.flushes(), syncer.checkpoints());
    }

    @Override
    public void run() {
        try {
            while (!aborting) {
                AppendRequest taken = inbox.takeAll();
                if (taken == null) {
                    if (closing) {
                        break;
                    }
                    LockSupport.park(this);
                    continue;
                }
                writeGroup(taken);
            }
            syncer.close();
            if (syncer.failure() == null && !aborting) {
                writeCheckpoint();
            }
        } catch (Throwable t) {
            failure = t;
            onFault.accept(t);
        } finally {
            stopped = true;
            syncer.close();
            preallocator.stop();
            failQueued();
        }
    }

    /** Validates and writes one group, then hands it to the syncer to force and acknowledge. */
    private void writeGroup(AppendRequest first) throws IOException {
        Throwable syncFailure = syncer.failure();
        if (syncFailure != null) {
            // The group is out of the inbox already: refused here, or its appenders would wait forever.
            IOException failed = new IOException("the syncer failed", syncFailure);
            refuse(first, failed);
            throw failed;
        }
        long now = RecordFormat.epochNanos(clock.instant());
        long bytesBefore = bytes;
        for (AppendRequest r = first; r != null; r = r.next) {
            ids.prefetch(r.idKeys);
        }
        try {
            for (AppendRequest r = first; r != null; r = r.next) {
                try {
                    r.succeed(apply(r, now));
                } catch (EventStoreException | IllegalArgumentException e) {
                    r.fail(e);
                }
            }
            flushBuffer();
        } catch (IOException | RuntimeException | Error e) {
            onFault.accept(e); // before the refusals, so whoever is refused finds the store unavailable and why
            refuse(first, e);
            throw e;
        }
        GroupSyncer.Group group =
                new GroupSyncer.Group(first, writerHead, current, bufferFileOffset, bytes - bytesBefore);
        boolean lone = first.next == null && inbox.isEmpty();
        if (!lone || !syncer.trySyncInline(group)) {
            syncer.submit(group);
        }
        preallocator.wrote(bufferFileOffset);
    }

    private static void refuse(AppendRequest first, Throwable cause) {
        EventStoreUnavailableException failed =
                new EventStoreUnavailableException("writing the event log failed", cause);
        AppendRequest.refuseAll(first, () -> failed);
    }

    private AppendResult apply(AppendRequest r, long now) throws IOException {
        AppendResult retry = detectRetry(r);
        if (retry != null) {
            return retry;
        }
        long last = streams.last(r.streamHash1, r.streamHash2);
        long version = last == 0 ? ExpectedVersion.NO_STREAM_VERSION : entries.version(last);
        if (!r.expected.matches(version)) {
            throw new WrongExpectedVersionException(r.streamId, r.expected, version);
        }
        int n = r.events.size();
        if (version + n > Integer.MAX_VALUE || writerHead + n > IdTable.MAX_POSITION || !ids.hasRoomFor(n)) {
            throw new IllegalArgumentException(
                    "the append would take stream " + r.streamId + " or the log past its limit");
        }
        makeRoom(r.records.length);
        int off = buffer.position();
        buffer.put(r.records);
        long prev = last;
        for (int i = 0; i < n; i++) {
            long position = ++writerHead;
            int v = (int) (version + 1 + i);
            RecordFormat.seal(buffer, off, position, v, now, crc);
            entries.put(
                    position,
                    EntryIndex.location(current.number, bufferFileOffset + off),
                    prev,
                    r.streamHash1,
                    v,
                    r.streamHash2,
                    r.category,
                    r.types[i],
                    r.idKeys[i]);
            ids.insert(r.idKeys[i], position);
            prev = position;
            off += RecordFormat.length(buffer, off);
        }
        streams.put(r.streamHash1, r.streamHash2, prev);
        appends = appends + 1;
        events = events + n;
        bytes = bytes + r.records.length;
        return new AppendResult(r.streamId, version + 1, version + n, writerHead, false);
    }

    /** The first append's result when this is a retry of it; null when no id is recorded yet. */
    private AppendResult detectRetry(AppendRequest r) {
        for (int i = 0; i < r.idKeys.length; i++) {
            if (positionOf(r.idKeys[i], r.events.get(i).eventId()) != 0) {
                return AppendRules.detectRetry(
                        r.streamId,
                        r.events,
                        id -> {
                            long p = positionOf(IdTable.key(id), id);
                            return p == 0 ? null : p;
                        },
                        this::eventAt);
            }
        }
        return null;
    }

    private long positionOf(int key, UUID id) {
        idProbe.target = id;
        return ids.find(key, idProbe);
    }

    /** Confirms an id table candidate by reading the id the log holds at that position. */
    private final class IdProbe implements LongPredicate {
        UUID target;

        @Override
        public boolean test(long position) {
            if (position > writerHead) {
                return false; // left in the table by appends a crash rolled back
            }
            try {
                ByteBuffer record = recordAt(position, RecordFormat.HEADER + 16);
                return record.getLong(RecordFormat.OFF_EVENT_ID) == target.getMostSignificantBits()
                        && record.getLong(RecordFormat.OFF_EVENT_ID + 8) == target.getLeastSignificantBits();
            } catch (IOException e) {
                throw new EventStoreUnavailableException("reading the event log failed", e);
            }
        }
    }

    private RecordedEvent eventAt(long position) {
        try {
            ByteBuffer header = recordAt(position, RecordFormat.HEADER);
            ByteBuffer record = recordAt(position, RecordFormat.length(header, 0));
            return RecordFormat.decode(record, 0, typeNames, new TypeNames(1));
        } catch (IOException e) {
            throw new EventStoreUnavailableException("reading the event log failed", e);
        }
    }

    /** The first {@code length} bytes of the record at a position, from the write buffer or the file. */
    private ByteBuffer recordAt(long position, int length) throws IOException {
        long location = entries.location(position);
        int segment = EntryIndex.segmentOf(location);
        long offset = EntryIndex.offsetOf(location) & 0xffffffffL;
        if (segment == current.number && offset >= bufferFileOffset) {
            return buffer.slice((int) (offset - bufferFileOffset), length).order(ByteOrder.LITTLE_ENDIAN);
        }
        ByteBuffer target = length <= small.capacity()
                ? small.clear().limit(length)
                : RecordFormat.littleEndian(ByteBuffer.allocate(length));
        segments.get(segment).read(target, offset);
        return target;
    }

    private void makeRoom(int size) throws IOException {
        long end = bufferFileOffset + buffer.position();
        if (end + size > options.segmentSize() && end > Segment.HEADER) {
            roll();
        }
        if (buffer.remaining() < size) {
            flushBuffer();
            if (buffer.capacity() < size) {
                buffer = RecordFormat.littleEndian(ByteBuffer.allocateDirect(size));
            }
        }
    }

    /** Seals the current segment (forced before anything lands in the next) and starts a new one. */
    private void roll() throws IOException {
        flushBuffer();
        current.channel.force(false);
        Segment next = Segment.create(dir.dir, current.number + 1, writerHead + 1);
        segments.add(next);
        current = next;
        bufferFileOffset = Segment.HEADER;
        preallocator.switchTo(next, Segment.HEADER);
    }

    private void flushBuffer() throws IOException {
        buffer.flip();
        long end = bufferFileOffset + buffer.remaining();
        if (end > preallocator.zeroedUpTo()) {
            preallocator.lock.lock();
            try {
                preallocator.claimed(end);
                write();
            } finally {
                preallocator.lock.unlock();
            }
        } else {
            write();
        }
        if (buffer.capacity() > options.writeBufferSize()) {
            buffer = RecordFormat.littleEndian(ByteBuffer.allocateDirect(options.writeBufferSize()));
        } else {
            buffer.clear();
        }
    }

    private void write() throws IOException {
        long at = bufferFileOffset;
        while (buffer.hasRemaining()) {
            at += current.channel.write(buffer, at);
        }
        bufferFileOffset = at;
    }

    /** On close: forces the entry index, dumps the tables, and records the checkpoint that names them. */
    private void writeCheckpoint() throws IOException {
        long head = writerHead;
        entries.force(syncer.checkpointPosition() + 1, head);
        if (!tablesExact) {
            new Checkpoint(current.number, head, bufferFileOffset, 0).write(dir.dir);
            return;
        }
        Snapshots.writeStreams(dir.resolve(DataDir.STREAMS_SNAPSHOT), streams, head);
        Snapshots.writeIds(dir.resolve(DataDir.IDS_SNAPSHOT), ids, head);
        new Checkpoint(current.number, head, bufferFileOffset, head).write(dir.dir);
    }

    private void failQueued() {
        AppendRequest queued = inbox.takeNewestFirst();
        Throwable cause = failure;
        AppendRequest.refuseAll(
                queued,
                () -> cause == null
                        ? new EventStoreUnavailableException("the file event store is closed")
                        : new EventStoreUnavailableException("the file event store failed", cause));
    }
}
