package dev.cairn.core.codec;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A codec that remembers what it decoded recently, so that the many processors of one process
 * that read the same event decode it once. In the restaurant system each event is read by up to
 * a dozen processors (reactions, process managers, projections, the live stream), and decoding
 * was their largest single cost.
 *
 * <p>The memory is keyed by content — the type name and the exact bytes — so a hit is the value
 * the wrapped codec would have returned for those bytes, whichever processor, store or position
 * they came from. It is a direct-mapped table of recent decodes: a lookup costs a hash of the
 * bytes and one comparison, a collision just decodes again. Decoded events are shared between
 * readers, which is sound because events are immutable values (records of immutable parts).
 *
 * <pre>{@code
 * EventCodec<OrderEvent> codec = new DecodeOnceCodec<>(JsonEventCodec.builder(OrderEvent.class)...build(), 8192);
 * }</pre>
 *
 * @param <E> the event vocabulary
 */
public final class DecodeOnceCodec<E> implements EventCodec<E> {

    private record Decoded(String type, byte[] data, Object event) {}

    private final EventCodec<E> codec;
    private final AtomicReferenceArray<Decoded> recent;
    private final int mask;

    /**
     * @param codec   the codec that decodes on a miss, and encodes
     * @param entries how many recent decodes to keep, rounded up to a power of two; a few times the
     *                number of events in flight at once is plenty
     */
    public DecodeOnceCodec(EventCodec<E> codec, int entries) {
        this.codec = Objects.requireNonNull(codec, "codec");
        if (entries < 1 || entries > 1 << 24) {
            throw new IllegalArgumentException("entries must be between 1 and 2^24, not " + entries);
        }
        int size = 1 << (32 - Integer.numberOfLeadingZeros(entries - 1));
        this.recent = new AtomicReferenceArray<>(size);
        this.mask = size - 1;
    }

    @Override
    public EncodedEvent encode(E event) {
        return codec.encode(event);
    }

    @Override
    @SuppressWarnings("unchecked") // only events this codec decoded are stored
    public E decode(String type, byte[] data) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        int hash = type.hashCode() * 31 + Arrays.hashCode(data);
        int slot = (hash ^ (hash >>> 16)) & mask;
        Decoded seen = recent.getAcquire(slot);
        if (seen != null && seen.type.equals(type) && Arrays.equals(seen.data, data)) {
            return (E) seen.event;
        }
        E event = codec.decode(type, data);
        // a copy of the bytes: the caller's array is theirs to reuse, and the key must not change
        recent.setRelease(slot, new Decoded(type, data.clone(), event));
        return event;
    }

    @Override
    public boolean knows(String type) {
        return codec.knows(type);
    }

    @Override
    public Set<String> typeNames() {
        return codec.typeNames();
    }

    @Override
    public String toString() {
        return "DecodeOnce[" + codec + "]";
    }
}
