package dev.cairn.core.store;

/** A running subscription; closing it stops delivery (an event being delivered finishes first). */
public interface Subscription extends AutoCloseable {

    /** Position of the last event delivered (or skipped by the filter), the start position before any. */
    long position();

    /** Whether delivery stopped, by {@link #close()} or because the handler threw. */
    boolean isClosed();

    /** The handler's failure that stopped the subscription, if any. */
    Throwable failure();

    @Override
    void close();
}
