package dev.cairn.eventstore.postgres;

/**
 * Which partition a stream belongs to: {@code floorMod(streamId.hashCode(), partitions)}. Java
 * specifies {@link String#hashCode()}, so every process agrees; the hash is stored with each event
 * ({@code stream_hash}) so that PostgreSQL filters a partition without shipping the other rows.
 */
public final class Partitions {

    private Partitions() {}

    public static int of(String streamId, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive, was " + partitions);
        }
        return Math.floorMod(streamId.hashCode(), partitions);
    }

    /** The same function in SQL (PostgreSQL's % keeps the dividend's sign, like Java's). */
    static String sqlPartitionOf(String hashColumn, int partitions) {
        return "((" + hashColumn + " % " + partitions + ") + " + partitions + ") % " + partitions;
    }
}
