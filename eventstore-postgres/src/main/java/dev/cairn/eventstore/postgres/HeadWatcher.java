package dev.cairn.eventstore.postgres;

import dev.cairn.core.store.PositionWaiter;
import java.sql.Connection;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a recent head for waiting readers, with two threads on connections of their own.
 *
 * <p>The <em>listener</em> holds a LISTEN connection and hands each batch of notifications (hints
 * carrying the xids of committed appends) to the refresher. The <em>refresher</em> re-reads the
 * head and wakes the waiters: at once when hinted; every {@value #BUSY_MILLIS} ms while the head
 * keeps moving (it moved in the last second) or a hinted xid is still at or above the readable
 * horizon (an older transaction is still open); and otherwise every poll interval, the fallback
 * should hints be lost.
 *
 * <p>Why two: the JDBC driver returns from a wait for notifications only after a lull of a
 * millisecond in their arrival, so under a steady stream of commits one wait lasted ~30 ms, and a
 * single thread that both waited and re-read left readers that long behind (delivery p99 of
 * 450 ms at 6,000 events/s). Hints now only end idleness; a busy log is followed by re-reading.
 * Either way what a reader reads is decided by the horizon alone, so a lost hint delays, and
 * never loses, an event.
 */
final class HeadWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeadWatcher.class);
    static final int BUSY_MILLIS = 2;
    /**
     * The head counts as moving for this long after it last moved: long enough to ride out a
     * transaction that holds the horizon for a while (the head stands still, then jumps) without
     * falling back to waiting for a hint, which under a steady stream of commits the listener hands
     * over only at the next lull. With 200 ms, such holds cost readers up to a poll interval more.
     */
    private static final long ACTIVE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final long RECONNECT_BACKOFF_MILLIS = 500;

    /** The {@code application_name} of the listening connection, so {@code pg_stat_activity} shows it. */
    static final String APPLICATION_NAME = "cairn-listener";
    /** The {@code application_name} of the connection that re-reads the head. */
    static final String REFRESHER_NAME = "cairn-head";

    private final ConnectionSource connections;
    private final LogReader reader;
    private final String channel;
    private final int pollMillis;
    private final PositionWaiter head = new PositionWaiter(0);
    private final Thread listener;
    private final Thread refresher;
    private volatile boolean closed;
    private volatile Connection listening;
    private volatile Connection refreshing;
    private volatile long notifiedXid;
    private long horizonXid;
    private long movedAt;

    HeadWatcher(ConnectionSource connections, LogReader reader, String channel, Duration pollInterval) {
        this.connections = connections;
        this.reader = reader;
        this.channel = channel;
        this.pollMillis = (int) Math.max(1, pollInterval.toMillis());
        this.listener =
                Thread.ofPlatform().daemon().name("cairn-pg-listen-" + channel).unstarted(this::listen);
        this.refresher =
                Thread.ofPlatform().daemon().name("cairn-pg-head-" + channel).unstarted(this::refresh);
    }

    void start() {
        listener.start();
        refresher.start();
    }

    long head() {
        return head.position();
    }

    /**
     * Publishes a position known to satisfy the head contract — a fresh read of the head, or the
     * last position of an append seen below the horizon — waking waiters if it moved.
     */
    void offer(long position) {
        head.advance(position);
    }

    boolean awaitAfter(long position, Duration timeout) throws InterruptedException {
        return head.awaitAfter(position, timeout);
    }

    private void listen() {
        while (!closed) {
            try {
                Connection c = open(APPLICATION_NAME);
                listening = c;
                try (Statement statement = c.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = pg.getNotifications(pollMillis);
                    if (notifications != null && notifications.length > 0) {
                        long xid = notifiedXid;
                        for (PGNotification notification : notifications) {
                            xid = Math.max(xid, parseXid(notification.getParameter()));
                        }
                        notifiedXid = xid;
                        LockSupport.unpark(refresher);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                recover("listening", e, listening);
                listening = null;
            }
        }
    }

    private void refresh() {
        while (!closed) {
            try {
                Connection c = open(REFRESHER_NAME);
                refreshing = c;
                while (!closed) {
                    LogReader.Head read = reader.head(c);
                    horizonXid = read.horizonXid();
                    long now = System.nanoTime();
                    if (read.position() > head.position()) {
                        movedAt = now;
                    }
                    offer(read.position());
                    boolean pending = notifiedXid >= horizonXid;
                    boolean busy = now - movedAt < ACTIVE_NANOS;
                    LockSupport.parkNanos(
                            this, TimeUnit.MILLISECONDS.toNanos(pending || busy ? BUSY_MILLIS : pollMillis));
                }
            } catch (SQLException | RuntimeException e) {
                recover("re-reading the head", e, refreshing);
                refreshing = null;
            }
        }
    }

    private Connection open(String applicationName) throws SQLException {
        Connection c = connections.open();
        c.setAutoCommit(true);
        try {
            c.setClientInfo("ApplicationName", applicationName);
        } catch (SQLClientInfoException ignored) {
            // Only a label: the connection works without it.
        }
        return c;
    }

    private void recover(String what, Exception e, Connection broken) {
        if (!closed) {
            LOG.debug("head watcher on {} lost its connection while {}, reconnecting: {}", channel, what, e.toString());
            closeQuietly(broken);
            sleepQuietly(RECONNECT_BACKOFF_MILLIS);
        }
    }

    private static long parseXid(String payload) {
        try {
            return Long.parseLong(payload);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        closed = true;
        head.close();
        LockSupport.unpark(refresher);
        closeQuietly(listening);
        closeQuietly(refreshing);
        try {
            listener.join(TimeUnit.SECONDS.toMillis(5));
            refresher.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a broken connection: nothing to do
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
