package dev.cairn.eventstore.file;

import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.PositionWaiter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The second half of group commit: forces what the writer has written, then publishes the new
 * head and acknowledges the appends (and rejections) of every group the force covered, in order.
 * Running beside the writer lets it encode and write the next group while the disk is flushing
 * this one; one force covers every group handed over since the last.
 *
 * <p>Rejections go through here too: a wrong-expected-version or duplicate answer may rest on an
 * append of an earlier group, and must not be given before that append is durable.
 */
final class GroupSyncer implements Runnable {
    /** What one writer pass produced: its requests, and where the log ends after it. */
    record Group(AppendRequest first, long head, Segment segment, long endOffset, long bytes) {}

    /** The end of the last successful force: everything up to here is on disk and may be acknowledged. */
    record Durable(long head, Segment segment, long endOffset) {}

    private static final class Node {
        final Group group;
        Node next;

        Node(Group group) {
            this.group = group;
        }
    }

    private final Inbox<Node> inbox = new Inbox<>(n -> n.next, (n, next) -> n.next = next);
    /** Held by whoever is forcing and acknowledging: the syncer thread, or the writer for a lone append. */
    private final AtomicBoolean busy = new AtomicBoolean();

    private final Thread thread;
    private final PositionWaiter signal;
    private final EntryIndex entries;
    private final Path dir;
    private final long checkpointInterval;
    private final Consumer<Throwable> onFault;
    private volatile Durable durable;
    private volatile long checkpointPosition;
    private long bytesSinceCheckpoint;
    private volatile boolean closing;
    private volatile boolean stopped;
    private volatile Throwable failure;
    private volatile long flushes;
    private volatile long checkpoints;

    GroupSyncer(
            PositionWaiter signal,
            EntryIndex entries,
            Path dir,
            long checkpointInterval,
            Durable start,
            long checkpointPosition,
            String name,
            Consumer<Throwable> onFault) {
        this.signal = signal;
        this.entries = entries;
        this.dir = dir;
        this.checkpointInterval = checkpointInterval;
        this.durable = start;
        this.checkpointPosition = checkpointPosition;
        this.onFault = onFault;
        this.thread = Thread.ofPlatform().name("cairn-log-syncer " + name).unstarted(this);
    }

    void start() {
        thread.start();
    }

    void submit(Group group) {
        if (inbox.push(new Node(group))) {
            LockSupport.unpark(thread);
        }
        if (stopped) {
            failQueued();
        }
    }

    /**
     * Lets the writer force and acknowledge a group itself when nothing else is waiting: a lone
     * writer then waits for one thread handoff less. Groups stay in order because this only
     * happens when no earlier group is queued or being synced.
     *
     * @return false when the group must be {@linkplain #submit submitted} instead
     */
    boolean trySyncInline(Group group) throws IOException {
        if (!inbox.isEmpty() || !busy.compareAndSet(false, true)) {
            return false;
        }
        try {
            if (!inbox.isEmpty() || stopped) {
                return false;
            }
            sync(new Node(group));
            return true;
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            stopped = true;
            throw e;
        } finally {
            busy.set(false);
        }
    }

    /** Acknowledges everything handed over so far, then stops. */
    void close() {
        closing = true;
        LockSupport.unpark(thread);
        Threads.joinUninterruptibly(thread);
    }

    Throwable failure() {
        return failure;
    }

    long flushes() {
        return flushes;
    }

    long checkpoints() {
        return checkpoints;
    }

    long checkpointPosition() {
        return checkpointPosition;
    }

    Durable durable() {
        return durable;
    }

    @Override
    public void run() {
        try {
            while (true) {
                if (inbox.isEmpty()) {
                    if (closing) {
                        break;
                    }
                    LockSupport.park(this);
                    continue;
                }
                if (!busy.compareAndSet(false, true)) {
                    LockSupport.parkNanos(this, 20_000); // the writer is syncing a lone append itself
                    continue;
                }
                try {
                    Node taken = inbox.takeAll();
                    if (taken != null) {
                        sync(taken);
                    }
                } finally {
                    busy.set(false);
                }
            }
        } catch (Throwable t) {
            failure = t;
            onFault.accept(t);
        } finally {
            stopped = true;
            failQueued();
        }
    }

    private void sync(Node first) throws IOException {
        Node last = first;
        long bytes = first.group.bytes();
        while (last.next != null) {
            last = last.next;
            bytes += last.group.bytes();
        }
        Group end = last.group;
        try {
            if (end.head() > signal.position()) {
                end.segment().channel.force(false);
                flushes = flushes + 1;
            }
        } catch (IOException | RuntimeException | Error e) {
            onFault.accept(e); // before the refusals, so whoever is refused finds the store unavailable and why
            fail(first, e);
            throw e;
        }
        durable = new Durable(end.head(), end.segment(), end.endOffset());
        signal.advance(
                end.head()); // only after the force: no reader sees an event a failed fsync could still take back
        for (Node n = first; n != null; n = n.next) {
            for (AppendRequest r = n.group.first(); r != null; ) {
                AppendRequest next = r.next;
                r.complete();
                r = next;
            }
        }
        bytesSinceCheckpoint += bytes;
        if (bytesSinceCheckpoint >= checkpointInterval) {
            entries.force(checkpointPosition + 1, end.head());
            new Checkpoint(end.segment().number, end.head(), end.endOffset(), 0).write(dir);
            checkpointPosition = end.head();
            bytesSinceCheckpoint = 0;
            checkpoints = checkpoints + 1;
        }
    }

    private static void fail(Node first, Throwable cause) {
        EventStoreUnavailableException failed =
                new EventStoreUnavailableException("writing the event log failed", cause);
        for (Node n = first; n != null; n = n.next) {
            AppendRequest.refuseAll(n.group.first(), () -> failed);
        }
    }

    private void failQueued() {
        Node taken = inbox.takeNewestFirst();
        if (taken != null) {
            fail(taken, failure == null ? new IllegalStateException("the store is closed") : failure);
        }
    }
}
