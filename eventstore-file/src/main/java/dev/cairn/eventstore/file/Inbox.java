package dev.cairn.eventstore.file;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * How the writer's appends and the syncer's groups reach their one consumer thread: a lock-free
 * stack (Treiber) that many threads push onto and the consumer empties at once, turning what it
 * took into arrival order. Items carry their own link field, so a push allocates nothing.
 *
 * @param <T> the items, each linking to the one pushed before it
 */
final class Inbox<T> {

    private final AtomicReference<T> top = new AtomicReference<>();
    private final UnaryOperator<T> next;
    private final BiConsumer<T, T> link;

    /**
     * @param next reads an item's link
     * @param link sets an item's link; done before the item is published
     */
    Inbox(UnaryOperator<T> next, BiConsumer<T, T> link) {
        this.next = next;
        this.link = link;
    }

    /** @return true when the inbox was empty, so the consumer may be parked and must be woken */
    boolean push(T item) {
        T previous;
        do {
            previous = top.get();
            link.accept(item, previous);
        } while (!top.compareAndSet(previous, item));
        return previous == null;
    }

    boolean isEmpty() {
        return top.get() == null;
    }

    /** Everything pushed so far, oldest first (null when empty); the inbox is then empty. */
    T takeAll() {
        T taken = top.getAndSet(null);
        T reversed = null;
        while (taken != null) {
            T following = next.apply(taken);
            link.accept(taken, reversed);
            reversed = taken;
            taken = following;
        }
        return reversed;
    }

    /** Everything pushed so far, newest first (null when empty), for refusing it without reordering. */
    T takeNewestFirst() {
        return top.getAndSet(null);
    }
}
