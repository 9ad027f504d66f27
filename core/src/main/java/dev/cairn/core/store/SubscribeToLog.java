package dev.cairn.core.store;

/** Following the log: catch up from a position, then receive new events live (requirement 9). */
public interface SubscribeToLog {

    /** Receives events one at a time, in log order, on the subscription's own thread. */
    @FunctionalInterface
    interface EventSink {
        void accept(RecordedEvent event) throws Exception;
    }

    /**
     * Delivers every event with position {@code > afterPosition} that matches the filter: first
     * the stored ones, then those committed later, without loss or duplicates at the handover. If
     * the sink throws, the subscription stops and reports the failure.
     */
    Subscription subscribe(long afterPosition, EventFilter filter, EventSink sink);
}
