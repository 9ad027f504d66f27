package dev.cairn.core.hosting;

import dev.cairn.core.processing.ProcessorStatus;
import dev.cairn.core.processing.TrackingProcessor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A processor as one process hosts it: the whole of it (one {@link TrackingProcessor}, on the
 * embedded stores, and for in-memory views everywhere), or this process's share of a processor
 * whose instances in several processes split the work ({@link StoreBackend#host}).
 */
public interface HostedProcessor {

    /** The processor's name: the same in every process running it. */
    String name();

    /** Starts processing (catching up in the background). */
    void start();

    /** Stops after the event in hand, saving its progress (and, when shared, handing its share over). */
    void stop();

    /** The processor itself when it runs whole in this process; empty for a share of a shared one. */
    Optional<TrackingProcessor> tracking();

    /** What {@code /api/processors} shows for it here: one row per part running in this process now. */
    List<ProcessorStatus> status();

    /** A processor running whole in this process. */
    static HostedProcessor of(TrackingProcessor processor) {
        return new Whole(processor);
    }

    /** A {@link TrackingProcessor} hosted whole. */
    record Whole(TrackingProcessor processor) implements HostedProcessor {

        public Whole {
            Objects.requireNonNull(processor, "processor");
        }

        @Override
        public String name() {
            return processor.name();
        }

        @Override
        public void start() {
            processor.start();
        }

        @Override
        public void stop() {
            processor.stop();
        }

        @Override
        public Optional<TrackingProcessor> tracking() {
            return Optional.of(processor);
        }

        @Override
        public List<ProcessorStatus> status() {
            return List.of(processor.status());
        }
    }
}
