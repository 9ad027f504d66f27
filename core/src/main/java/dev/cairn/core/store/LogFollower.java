package dev.cairn.core.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The generic subscription: pages through {@link ReadLog#readAll} and, once caught up, waits on
 * {@link ReadLog#awaitHeadAfter}. Handover needs no special case because both phases advance the
 * same cursor, and the cursor only jumps to the head when a read came back short, which by the
 * head contract means nothing at or below that head is still to come.
 */
final class LogFollower implements Subscription, Runnable {

    private static final int PAGE = 512;
    private static final Duration IDLE_WAIT = Duration.ofMillis(500);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ReadLog log;
    private final EventFilter filter;
    private final SubscribeToLog.EventSink sink;
    private final Thread thread;
    private volatile long position;
    private volatile boolean closed;
    private volatile Throwable failure;

    private LogFollower(ReadLog log, long afterPosition, EventFilter filter, SubscribeToLog.EventSink sink) {
        this.log = log;
        this.filter = filter;
        this.sink = sink;
        this.position = afterPosition;
        this.thread = Thread.ofPlatform()
                .daemon()
                .name("cairn-subscription-" + THREADS.incrementAndGet())
                .unstarted(this);
    }

    static Subscription start(ReadLog log, long afterPosition, EventFilter filter, SubscribeToLog.EventSink sink) {
        LogFollower follower = new LogFollower(log, afterPosition, filter, sink);
        follower.thread.start();
        return follower;
    }

    @Override
    public void run() {
        try {
            while (!closed) {
                long head = log.headPosition();
                List<RecordedEvent> page = log.readAll(position, PAGE, filter);
                for (RecordedEvent event : page) {
                    if (closed) {
                        return;
                    }
                    sink.accept(event);
                    position = event.position();
                }
                if (page.size() < PAGE) {
                    position = Math.max(position, head);
                    log.awaitHeadAfter(position, IDLE_WAIT);
                }
            }
        } catch (InterruptedException e) {
            if (!closed) {
                failure = e;
            }
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            if (!closed) {
                failure = t;
            }
        } finally {
            closed = true;
        }
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public Throwable failure() {
        return failure;
    }

    @Override
    public void close() {
        closed = true;
        if (Thread.currentThread() != thread) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
