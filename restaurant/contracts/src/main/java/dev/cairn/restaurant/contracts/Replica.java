package dev.cairn.restaurant.contracts;

import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.Projection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A context's own copy of what another context published, kept in memory and fed by one processor
 * in log order while any thread reads it. Each event type it follows is registered once, with
 * {@link #on}, from the subclass's constructor; {@link #triggers()} are derived from those.
 *
 * <p>An event at or below the last applied position is ignored, so redelivery changes nothing;
 * {@link #position()} is what a command that consulted the replica waits for (read-your-writes).
 */
public abstract class Replica implements Projection<PublishedEvent>, Triggered {

    // Filled by the subclass's constructor, read by the processor's thread afterwards: a concurrent
    // map so that those reads see every registration without relying on how the replica was handed over.
    private final Map<Class<? extends PublishedEvent>, Consumer<PublishedEvent>> updates = new ConcurrentHashMap<>();
    private volatile long position;

    /** How an event of {@code type} changes the replica; once per type, from the constructor. */
    protected final <T extends PublishedEvent> void on(Class<T> type, Consumer<? super T> update) {
        Objects.requireNonNull(update, "update");
        if (updates.putIfAbsent(Objects.requireNonNull(type, "type"), event -> update.accept(type.cast(event)))
                != null) {
            throw new IllegalStateException(type.getSimpleName() + " is registered twice");
        }
    }

    /** Empties the replica's own data; {@link #reset()} also forgets the position. */
    protected abstract void forget();

    @Override
    public final void apply(Envelope<PublishedEvent> event) {
        if (event.position() <= position) {
            return;
        }
        Consumer<PublishedEvent> update = updates.get(event.event().getClass());
        if (update != null) {
            update.accept(event.event());
        }
        position = event.position();
    }

    /** The log position this replica has processed. */
    public final long position() {
        return position;
    }

    @Override
    public final void reset() {
        forget();
        position = 0;
    }

    @Override
    public final Set<Class<? extends PublishedEvent>> triggers() {
        return Set.copyOf(updates.keySet());
    }
}
