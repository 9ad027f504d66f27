package dev.cairn.core.hosting;

/**
 * How the instances of one processor in several processes may split its work, on a store that
 * lets them ({@link StoreBackend#host}). A store that hosts every processor whole ignores it.
 */
public enum Sharing {
    /**
     * Split by entity, the stream id without its category: every event of one entity
     * ({@code order-42}, {@code ticket-42}, {@code verification-42} → {@code 42}) is handled by one
     * process, in log order. For reactions, and for process managers whose instance key is that id.
     */
    BY_ENTITY,
    /** One process at a time does all of it, the others stand by: a process manager with a single instance. */
    ONE_AT_A_TIME
}
