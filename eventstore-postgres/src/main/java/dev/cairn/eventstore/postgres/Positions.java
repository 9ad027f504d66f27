package dev.cairn.eventstore.postgres;

/**
 * The position encoding: {@code position = xid * 2^16 + index}, where {@code xid} is the appending
 * transaction's {@code pg_current_xact_id()} and {@code index} the event's place among the events
 * that transaction appended. Ordering by position is therefore ordering by (transaction id, index).
 *
 * <p>Limits: at most 65,536 events per transaction (an append carries at most 10,000), and xids
 * below 2^47 (an epoch below 32,768, i.e. 1.4 * 10^14 transactions: 44 years at 100,000 per second).
 */
final class Positions {

    static final int INDEX_BITS = 16;
    static final int MAX_EVENTS_PER_TRANSACTION = 1 << INDEX_BITS;

    private Positions() {}

    static long xidOf(long position) {
        return position >>> INDEX_BITS;
    }

    /** The first position a transaction with this xid can write. */
    static long firstOf(long xid) {
        return xid << INDEX_BITS;
    }

    /** SQL for the xid part of a position: {@code xid8} cast to {@code bigint}, times 2^16. */
    static String sqlFirstPositionOf(String xid8Expression) {
        return "(" + xid8Expression + ")::text::bigint * " + MAX_EVENTS_PER_TRANSACTION;
    }
}
