package dev.cairn.eventstore.postgres;

/**
 * Which partition a stream belongs to: {@code floorMod(key.hashCode(), partitions)}, where the key
 * is the stream id or its entity part ({@link PartitionKey}). Java specifies
 * {@link String#hashCode()}, so every process agrees; both hashes are stored with each event
 * ({@code stream_hash}, {@code entity_hash}) so that PostgreSQL filters a partition without
 * shipping the other rows.
 */
public final class Partitions {

    /** Most partitions a processor's streams may be split into. */
    public static final int MAX_PARTITIONS = 1024;

    private Partitions() {}

    /**
     * Checks how many partitions a processor is split into, and returns it.
     *
     * @throws IllegalArgumentException when it is not from 1 to {@link #MAX_PARTITIONS}
     */
    static int requireValidCount(int partitions) {
        if (partitions < 1 || partitions > MAX_PARTITIONS) {
            throw new IllegalArgumentException(
                    "partitions must be between 1 and " + MAX_PARTITIONS + ", was " + partitions);
        }
        return partitions;
    }

    /** The partition of a stream by its stream id ({@link PartitionKey#STREAM}). */
    public static int of(String streamId, int partitions) {
        return of(PartitionKey.STREAM, streamId, partitions);
    }

    /** The partition of a stream by {@code key}. */
    public static int of(PartitionKey key, String streamId, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive, was " + partitions);
        }
        return Math.floorMod(key.of(streamId).hashCode(), partitions);
    }

    /** The same function in SQL (PostgreSQL's % keeps the dividend's sign, like Java's). */
    static String sqlPartitionOf(String hashColumn, int partitions) {
        return "((" + hashColumn + " % " + partitions + ") + " + partitions + ") % " + partitions;
    }
}
