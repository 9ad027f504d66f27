package dev.cairn.eventstore.file;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The committed head and the wake-up of those waiting for it to move. The writer publishes a new
 * head only after the force that makes it durable, so nobody waiting here sees an event that could
 * still be lost. It takes the lock only when someone waits, so commits cost one volatile write.
 */
final class HeadSignal {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile long head;
    private volatile boolean closed;

    HeadSignal(long head) {
        this.head = head;
    }

    long head() {
        return head;
    }

    void publish(long newHead) {
        head = newHead;
        if (waiting.get() > 0) {
            signalAll();
        }
    }

    void close() {
        closed = true;
        signalAll();
    }

    private void signalAll() {
        lock.lock();
        try {
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean awaitAfter(long position, long timeoutNanos) throws InterruptedException {
        if (head > position) {
            return true;
        }
        waiting.incrementAndGet();
        lock.lock();
        try {
            long nanos = timeoutNanos;
            while (head <= position && !closed) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = moved.awaitNanos(nanos);
            }
            return head > position;
        } finally {
            lock.unlock();
            waiting.decrementAndGet();
        }
    }
}
