package dev.cairn.eventstore.tck;

import static org.awaitility.Awaitility.await;

import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.SubscribeToLog;
import dev.cairn.core.store.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A subscription sink that keeps what it was given, on which threads, and whether two deliveries ever overlapped. */
final class RecordingSink implements SubscribeToLog.EventSink {

    private final List<RecordedEvent> received = new ArrayList<>();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final int failOnAttempt;
    private final Exception failure;
    private volatile boolean overlapped;

    private RecordingSink(int failOnAttempt, Exception failure) {
        this.failOnAttempt = failOnAttempt;
        this.failure = failure;
    }

    RecordingSink() {
        this(0, null);
    }

    /** A sink that throws {@code failure} when given its {@code attempt}-th event (counting from 1). */
    static RecordingSink failingOnAttempt(int attempt, Exception failure) {
        return new RecordingSink(attempt, failure);
    }

    @Override
    public void accept(RecordedEvent event) throws Exception {
        if (inFlight.incrementAndGet() > 1) {
            overlapped = true;
        }
        try {
            threads.add(Thread.currentThread());
            if (attempts.incrementAndGet() == failOnAttempt) {
                throw failure;
            }
            synchronized (received) {
                received.add(event);
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /**
     * Waits until {@code expected} (events the log holds, in order) could all have been delivered:
     * the sink has that many, or the subscription has moved to the last one's position or stopped.
     * A subscription that skips an event then fails on the comparison that follows, not on a timeout.
     */
    void awaitDeliveryOf(List<RecordedEvent> expected, Subscription subscription, Duration timeout) {
        long last = expected.isEmpty() ? 0 : expected.getLast().position();
        await().atMost(timeout)
                .until(() -> count() >= expected.size() || subscription.isClosed() || subscription.position() >= last);
    }

    List<RecordedEvent> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    int count() {
        synchronized (received) {
            return received.size();
        }
    }

    int attempts() {
        return attempts.get();
    }

    Set<Thread> threads() {
        return Set.copyOf(threads);
    }

    boolean overlapped() {
        return overlapped;
    }
}
