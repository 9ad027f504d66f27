package dev.cairn.eventstore.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a recent head for waiting readers. One thread holds a LISTEN connection; each notification
 * (a hint carrying the xid of a committed append) or, failing any, each poll interval, makes it
 * re-read the head and wake the waiters. While a notified xid is still at or above the readable
 * horizon (an older transaction is still open) it re-reads every few milliseconds, so delivery
 * follows the horizon closely without waiting a whole poll interval. Notifications only ever make
 * it look sooner: what a reader reads is decided by the horizon alone, so a lost hint delays, and
 * never loses, an event.
 */
final class HeadWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeadWatcher.class);
    private static final int PENDING_RECHECK_MILLIS = 2;
    private static final long RECONNECT_BACKOFF_MILLIS = 500;

    private final ConnectionSource connections;
    private final LogReader reader;
    private final String channel;
    private final int pollMillis;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();
    private final Thread thread;
    private volatile long head;
    private volatile boolean closed;
    private volatile Connection connection;
    private long notifiedXid;
    private long horizonXid;

    HeadWatcher(ConnectionSource connections, LogReader reader, String channel, Duration pollInterval) {
        this.connections = connections;
        this.reader = reader;
        this.channel = channel;
        this.pollMillis = (int) Math.max(1, pollInterval.toMillis());
        this.thread = Thread.ofPlatform().daemon().name("cairn-pg-head-" + channel).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    long head() {
        return head;
    }

    /**
     * Publishes a position known to satisfy the head contract — a fresh read of the head, or the
     * last position of an append seen below the horizon — waking waiters if it moved.
     */
    void offer(long position) {
        if (position > head) {
            lock.lock();
            try {
                if (position > head) {
                    head = position;
                    moved.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    boolean awaitAfter(long position, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (head <= position && !closed) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = moved.awaitNanos(nanos);
            }
            return head > position;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (!closed) {
            try {
                listen();
                while (!closed) {
                    refresh();
                    boolean pending = notifiedXid >= horizonXid;
                    receive(pending ? PENDING_RECHECK_MILLIS : pollMillis);
                }
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    LOG.debug("head watcher on {} lost its connection, reconnecting: {}", channel, e.toString());
                    closeConnection();
                    sleepQuietly(RECONNECT_BACKOFF_MILLIS);
                }
            }
        }
    }

    /** The {@code application_name} of the listening connection, so {@code pg_stat_activity} shows it. */
    static final String APPLICATION_NAME = "cairn-listener";

    private void listen() throws SQLException {
        Connection c = connections.open();
        connection = c;
        c.setAutoCommit(true);
        try {
            c.setClientInfo("ApplicationName", APPLICATION_NAME);
        } catch (java.sql.SQLClientInfoException ignored) {
            // Only a label: listening works without it.
        }
        try (Statement statement = c.createStatement()) {
            statement.execute("LISTEN " + channel);
        }
    }

    private void refresh() throws SQLException {
        LogReader.Head read = reader.head(connection);
        horizonXid = read.horizonXid();
        offer(read.position());
    }

    private void receive(int timeoutMillis) throws SQLException {
        PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(timeoutMillis);
        if (notifications != null) {
            for (PGNotification notification : notifications) {
                notifiedXid = Math.max(notifiedXid, parseXid(notification.getParameter()));
            }
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
        lock.lock();
        try {
            moved.signalAll();
        } finally {
            lock.unlock();
        }
        closeConnection();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeConnection() {
        Connection c = connection;
        connection = null;
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
