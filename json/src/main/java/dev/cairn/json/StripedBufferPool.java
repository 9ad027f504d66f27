package dev.cairn.json;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;
import java.io.Serial;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Jackson's working buffers, recycled through a fixed array of slots chosen by thread. Jackson's
 * default keeps them in a thread-local, which virtual threads (one per request, one per processor
 * task) never reuse, so every read and write allocated a fresh set; its shared deque pool fixes
 * that but its queue became the hottest spot of the restaurant system's profile. Here taking or
 * returning a recycler is one atomic exchange on a slot that few threads share; when the slot is
 * empty a new recycler is made, and when it is full the returned one is left to the collector.
 */
final class StripedBufferPool implements RecyclerPool<BufferRecycler> {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final int SLOTS = 64;

    private final transient AtomicReferenceArray<BufferRecycler> slots = new AtomicReferenceArray<>(SLOTS);

    static final StripedBufferPool SHARED = new StripedBufferPool();

    private StripedBufferPool() {}

    @Override
    public BufferRecycler acquirePooled() {
        BufferRecycler pooled = slots.getAndSet(slot(), null);
        return pooled != null ? pooled : new BufferRecycler();
    }

    @Override
    public void releasePooled(BufferRecycler recycler) {
        slots.compareAndSet(slot(), null, recycler);
    }

    private static int slot() {
        long id = Thread.currentThread().threadId();
        return (int) (id ^ (id >>> 7)) & (SLOTS - 1);
    }

    @Serial
    private Object readResolve() {
        return SHARED;
    }
}
