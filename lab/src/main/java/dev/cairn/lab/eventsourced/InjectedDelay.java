package dev.cairn.lab.eventsourced;

import java.time.Duration;

/**
 * The extra time a slowed service takes ({@link dev.cairn.lab.Fault#ACCOUNTING_SLOW}) before each
 * thing it does; none until set, and {@link Duration#ZERO} removes it.
 */
public final class InjectedDelay {

    private volatile long nanos;

    public void set(Duration delay) {
        nanos = delay.toNanos();
    }

    /**
     * Waits out the delay, if one is set. An interrupt means the service is stopping: the wait ends
     * early and the interrupt is kept, so the service records what it decided without the rest of the delay.
     */
    public void await() {
        long delay = nanos;
        if (delay > 0) {
            try {
                Thread.sleep(Duration.ofNanos(delay));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
