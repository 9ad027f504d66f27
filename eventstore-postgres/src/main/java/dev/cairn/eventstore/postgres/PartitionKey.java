package dev.cairn.eventstore.postgres;

/**
 * What puts events in the same partition of a {@link PartitionedProcessor}: events with the same
 * key go to the same partition and are handled by one owner at a time, in log order. Both keys are
 * hashed with Java's {@link String#hashCode()} (specified, so every JVM agrees) and the hashes are
 * stored with each event, so PostgreSQL filters a partition's rows.
 */
public enum PartitionKey {

    /** The stream id: each stream's events in order. For reactions to one stream at a time. */
    STREAM("stream_hash"),

    /**
     * The stream id without its category (the part after the first {@code -}, or the whole id
     * when it has none): {@code order-42}, {@code ticket-42} and {@code verification-42} are one
     * entity, {@code 42}, so all of their events land in one partition, in log order. For process
     * managers whose instance is that id (an event join over several streams of one order), and
     * for reactions whose commands must follow the order of events of several streams of one entity.
     */
    ENTITY("entity_hash");

    private final String column;

    PartitionKey(String column) {
        this.column = column;
    }

    /** The key of a stream. */
    public String of(String streamId) {
        return switch (this) {
            case STREAM -> streamId;
            case ENTITY -> entityOf(streamId);
        };
    }

    /** The part of a stream id after its category: what {@link #ENTITY} partitions by. */
    public static String entityOf(String streamId) {
        int dash = streamId.indexOf('-');
        return dash < 0 ? streamId : streamId.substring(dash + 1);
    }

    /** The stored hash this key is filtered by. */
    String column() {
        return column;
    }
}
