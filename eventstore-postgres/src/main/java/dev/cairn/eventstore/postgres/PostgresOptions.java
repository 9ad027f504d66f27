package dev.cairn.eventstore.postgres;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a {@link PostgresEventStore} connects and where it keeps its tables.
 *
 * @param schema            the schema holding the store's tables, created when missing
 * @param poolSize          connections in the pool (appends and reads); the listener and the
 *                          notifier hold one more each
 * @param connectTimeout    how long an operation waits for a connection before it fails with
 *                          {@code EventStoreUnavailableException}
 * @param pollInterval      how often waiting readers re-check the head when no notification comes
 *                          (the fallback for lost hints); never a reason to skip anything
 * @param readableWait      how long an append, once committed, waits for its events to be readable
 *                          from the log (below the horizon) before it returns anyway; zero returns at
 *                          once. Waiting gives read-your-writes: the returned position is at or below
 *                          {@code headPosition()}. It only waits while an older transaction is open.
 * @param writers           writer threads doing group commit (each uses one pooled connection
 *                          while it commits). Default 1: more would let large batches insert on
 *                          several backends, but their commits serialize on NOTIFY's lock and their
 *                          readability checks wait for each other (measured slower, see DESIGN.md)
 */
public record PostgresOptions(
        String schema,
        int poolSize,
        Duration connectTimeout,
        Duration pollInterval,
        Duration readableWait,
        int writers) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,40}");

    public PostgresOptions {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(readableWait, "readableWait");
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException(
                    "schema must be a lower-case SQL identifier of at most 41 characters: " + schema);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be positive, was " + poolSize);
        }
        if (connectTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectTimeout must be at least 250 ms (HikariCP's minimum)");
        }
        if (pollInterval.toMillis() < 1) {
            throw new IllegalArgumentException("pollInterval must be at least 1 ms");
        }
        if (writers < 1 || writers > poolSize) {
            throw new IllegalArgumentException("writers must be between 1 and poolSize, was " + writers);
        }
        if (readableWait.isNegative()) {
            throw new IllegalArgumentException("readableWait must not be negative");
        }
    }

    /**
     * Schema {@code cairn}, 10 connections, 5 s connect timeout, 250 ms polling, appends wait up to
     * 1 s to be readable, 1 writer thread.
     */
    public static PostgresOptions defaults() {
        return new PostgresOptions(
                "cairn", 10, Duration.ofSeconds(5), Duration.ofMillis(250), Duration.ofSeconds(1), 1);
    }

    public PostgresOptions withSchema(String schema) {
        return new PostgresOptions(schema, poolSize, connectTimeout, pollInterval, readableWait, writers);
    }

    /** Also lowers {@code writers} to fit the pool. */
    public PostgresOptions withPoolSize(int poolSize) {
        return new PostgresOptions(
                schema, poolSize, connectTimeout, pollInterval, readableWait, Math.min(writers, Math.max(1, poolSize)));
    }

    public PostgresOptions withConnectTimeout(Duration connectTimeout) {
        return new PostgresOptions(schema, poolSize, connectTimeout, pollInterval, readableWait, writers);
    }

    public PostgresOptions withPollInterval(Duration pollInterval) {
        return new PostgresOptions(schema, poolSize, connectTimeout, pollInterval, readableWait, writers);
    }

    public PostgresOptions withReadableWait(Duration readableWait) {
        return new PostgresOptions(schema, poolSize, connectTimeout, pollInterval, readableWait, writers);
    }

    public PostgresOptions withWriters(int writers) {
        return new PostgresOptions(schema, poolSize, connectTimeout, pollInterval, readableWait, writers);
    }
}
