package dev.cairn.core.store;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A position that moves forward, and the threads waiting for it to reach a target: a log's head
 * for tailing readers, a processor's position for read-your-writes. The one place Cairn waits on
 * a position, so the no-lost-wake-up argument is made once.
 *
 * <p>Moving the position costs one atomic update while nobody waits; the lock is taken only to
 * wake waiters. A lock and condition
 * rather than a monitor: waiters are often virtual threads, which a monitor wait pins to their
 * carrier on JDK 21-23. No wake-up is lost: a waiter counts itself before it checks the
 * position, a mover writes the position before it looks at the count (both sequentially
 * consistent), so either the waiter sees the new position or the mover sees the waiter.
 *
 * <pre>{@code
 * PositionWaiter head = new PositionWaiter(0);
 * // the writer, after an append became readable:
 * head.advance(42);
 * // a reader that has read up to 41:
 * boolean moved = head.awaitAfter(41, Duration.ofMillis(250));
 * }</pre>
 */
public final class PositionWaiter {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong position;
    private volatile boolean closed;

    public PositionWaiter(long initial) {
        this.position = new AtomicLong(initial);
    }

    public long position() {
        return position.get();
    }

    /**
     * Moves the position to {@code newPosition} if that is beyond it (a lower one is ignored, so
     * movers need not be ordered among themselves), waking the waiters it satisfies.
     */
    public void advance(long newPosition) {
        if (newPosition > position.get() && position.getAndAccumulate(newPosition, Math::max) < newPosition) {
            wakeWaiters();
        }
    }

    /** Sets the position, backwards too (a processor replaying from the start), and wakes the waiters. */
    public void moveTo(long newPosition) {
        position.set(newPosition);
        wakeWaiters();
    }

    /** Wakes every waiter for good: each returns at once with what the position then is. */
    public void close() {
        closed = true;
        signalAll();
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Waits until the position is beyond {@code target}, the timeout passes, or {@link #close}.
     *
     * @return whether the position is beyond {@code target}
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitAfter(long target, Duration timeout) throws InterruptedException {
        return awaitAtLeast(target == Long.MAX_VALUE ? Long.MAX_VALUE : target + 1, timeout.toNanos());
    }

    /**
     * Waits until the position is at least {@code target}, the timeout passes, or {@link #close}.
     *
     * @return whether the position is at least {@code target}
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitAtLeast(long target, Duration timeout) throws InterruptedException {
        return awaitAtLeast(target, timeout.toNanos());
    }

    private boolean awaitAtLeast(long target, long timeoutNanos) throws InterruptedException {
        if (position.get() >= target) {
            return true;
        }
        waiting.incrementAndGet();
        lock.lock();
        try {
            long nanos = timeoutNanos;
            while (position.get() < target && !closed) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = moved.awaitNanos(nanos);
            }
            return position.get() >= target;
        } finally {
            lock.unlock();
            waiting.decrementAndGet();
        }
    }

    private void wakeWaiters() {
        if (waiting.get() > 0) {
            signalAll();
        }
    }

    private void signalAll() {
        lock.lock();
        try {
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
