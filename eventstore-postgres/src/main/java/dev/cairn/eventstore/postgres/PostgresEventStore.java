package dev.cairn.eventstore.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.AppendRules;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The event store on PostgreSQL, for deployments where several processes share one log. Writers
 * take no global lock; readers never skip a committed event and never see one that may roll back
 * (see {@code DESIGN.md} in this module for the visibility rule and its one cost).
 *
 * <pre>{@code
 * try (var store = PostgresEventStore.open("jdbc:postgresql://127.0.0.1:5432/app?user=postgres")) {
 *     store.append("order-42", ExpectedVersion.noStream(), List.of(event));
 * }
 * }</pre>
 */
public final class PostgresEventStore implements EventStore {

    private final PostgresOptions options;
    private final HikariDataSource pool;
    private final Appender appender;
    private final LogReader reader;
    private final HeadWatcher watcher;
    private final GroupCommitter committer;
    private final String channel;
    private volatile boolean closed;

    private PostgresEventStore(String jdbcUrl, PostgresOptions options, HikariDataSource pool) {
        this.options = options;
        this.pool = pool;
        this.appender = new Appender(options.schema());
        this.reader = new LogReader(options.schema());
        this.channel = Appender.channel(options.schema());
        ConnectionSource direct = () -> DriverManager.getConnection(jdbcUrl);
        this.watcher = new HeadWatcher(direct, reader, channel, options.pollInterval());
        this.committer = new GroupCommitter(
                options.schema(),
                this::connection,
                new GroupAppender(options.schema()),
                new AppendOutcomes(appender, reader),
                reader,
                options.readableWait(),
                options.writers(),
                position -> watcher.offer(position));
    }

    /** Opens the store with {@link PostgresOptions#defaults()}. */
    public static PostgresEventStore open(String jdbcUrl) {
        return open(jdbcUrl, PostgresOptions.defaults());
    }

    /**
     * Connects, creates or migrates the schema, and starts listening for appends.
     *
     * @param jdbcUrl e.g. {@code jdbc:postgresql://127.0.0.1:5432/app?user=postgres}
     * @throws EventStoreUnavailableException when PostgreSQL cannot be reached
     */
    public static PostgresEventStore open(String jdbcUrl, PostgresOptions options) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(options, "options");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(jdbcUrl, options));
        } catch (RuntimeException e) {
            // The pool's own messages may quote the URL ("Failed to get driver instance for jdbcUrl=…").
            throw PgUrl.scrubbed(e, jdbcUrl);
        }
        try (Connection connection = pool.getConnection()) {
            Migrations.migrate(connection, options.schema());
        } catch (SQLException e) {
            pool.close();
            throw PgUrl.scrubbed(SqlErrors.translate("opening the store", e), jdbcUrl);
        } catch (RuntimeException e) {
            pool.close();
            throw PgUrl.scrubbed(e, jdbcUrl);
        }
        PostgresEventStore store = new PostgresEventStore(jdbcUrl, options, pool);
        store.watcher.start();
        store.committer.start();
        return store;
    }

    private static HikariConfig poolConfig(String jdbcUrl, PostgresOptions options) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(options.poolSize());
        config.setMinimumIdle(Math.min(2, options.poolSize()));
        config.setConnectionTimeout(options.connectTimeout().toMillis());
        config.setInitializationFailTimeout(options.connectTimeout().toMillis());
        config.setPoolName("cairn-pg-" + options.schema());
        config.setAutoCommit(true);
        return config;
    }

    @Override
    public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        AppendRules.requireValidAppend(streamId, expected, events);
        ensureOpen();
        return committer.append(streamId, expected, events);
    }

    @Override
    public List<RecordedEvent> readStream(String streamId, long fromVersion, int maxCount) {
        if (maxCount <= 0) {
            return List.of();
        }
        try (Connection connection = connection()) {
            return reader.readStream(connection, streamId, fromVersion, maxCount);
        } catch (SQLException e) {
            throw SqlErrors.translate("reading stream " + streamId, e);
        }
    }

    @Override
    public long streamVersion(String streamId) {
        try (Connection connection = connection()) {
            return reader.streamVersion(connection, streamId);
        } catch (SQLException e) {
            throw SqlErrors.translate("reading the version of " + streamId, e);
        }
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int limit, EventFilter filter) {
        return read(afterPosition, limit, filter, PartitionKey.STREAM, 0, 0);
    }

    /** {@link #readAll} restricted to the streams of one partition (see {@link Partitions}). */
    List<RecordedEvent> readPartition(
            long afterPosition, int limit, EventFilter filter, PartitionKey key, int partition, int partitions) {
        if (partitions < 1 || partition < 0 || partition >= partitions) {
            throw new IllegalArgumentException("partition " + partition + " of " + partitions);
        }
        return read(afterPosition, limit, filter, key, partition, partitions);
    }

    private List<RecordedEvent> read(
            long afterPosition, int limit, EventFilter filter, PartitionKey key, int partition, int partitions) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        Objects.requireNonNull(filter, "filter");
        try (Connection connection = connection()) {
            return reader.readAll(connection, Math.max(0, afterPosition), limit, filter, key, partition, partitions);
        } catch (SQLException e) {
            throw SqlErrors.translate("reading the log", e);
        }
    }

    @Override
    public long headPosition() {
        try (Connection connection = connection()) {
            long head = reader.head(connection).position();
            watcher.offer(head);
            return head;
        } catch (SQLException e) {
            throw SqlErrors.translate("reading the head", e);
        }
    }

    @Override
    public boolean awaitHeadAfter(long position, Duration timeout) throws InterruptedException {
        ensureOpen();
        if (watcher.head() > position || headPosition() > position) {
            return true;
        }
        return watcher.awaitAfter(position, timeout);
    }

    /**
     * The latest head this process knows of (from notifications, the watcher's polls, its own
     * appends and {@link #headPosition()} calls), without asking PostgreSQL: a valid head (nothing
     * will ever appear at or below it), possibly a little behind. What partition workers poll, so
     * that many of them cost no head query each.
     */
    long knownHead() {
        ensureOpen();
        return watcher.head();
    }

    /**
     * This store as the processors of this process should tail it: the head they poll and wait
     * for is the one the process already knows ({@link #knownHead()}), so each processor's round
     * is one query (its read) rather than two or three more for the head. Everything else is this
     * store's own; closing the view closes nothing.
     */
    public EventStore tailing() {
        return new TailingView(this);
    }

    /** Waits until {@link #knownHead()} passes {@code position}, without querying. */
    boolean awaitKnownHeadAfter(long position, Duration timeout) throws InterruptedException {
        ensureOpen();
        return watcher.awaitAfter(position, timeout);
    }

    /**
     * How far the readable horizon trails the committed log: the one cost of never skipping. A
     * transaction that stays open (in any database of the cluster, once it has written anything)
     * holds the horizon, so events committed after it started are invisible to log readers until it
     * ends.
     */
    public ReadableLag readableLag() {
        try (Connection connection = connection()) {
            return ReadableLag.measure(connection, options.schema());
        } catch (SQLException e) {
            throw SqlErrors.translate("measuring the readable lag", e);
        }
    }

    /**
     * The pool, for read models kept in the same database (so they can commit their rows with their
     * checkpoint, see {@link PostgresCheckpointStore#commit}).
     */
    public DataSource dataSource() {
        ensureOpen();
        return pool;
    }

    /** The schema holding the store's tables. */
    public String schema() {
        return options.schema();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        committer.close();
        watcher.close();
        pool.close();
    }

    Connection connection() throws SQLException {
        ensureOpen();
        return pool.getConnection();
    }

    Appender appender() {
        return appender;
    }

    /** The writer thread's counters (groups, appends, horizon checks), for diagnostics. */
    String writerStatistics() {
        return committer.statistics();
    }

    private void ensureOpen() {
        if (closed) {
            throw new EventStoreUnavailableException("the PostgreSQL event store is closed");
        }
    }
}
