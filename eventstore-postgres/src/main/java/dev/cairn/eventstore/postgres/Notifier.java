package dev.cairn.eventstore.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the wake-up hint: one {@code pg_notify(channel, xid)} for all the appends that committed
 * while the previous one was being sent, carrying the largest of their xids.
 *
 * <p>Why not NOTIFY inside each append transaction: PostgreSQL serializes the commits of
 * notifying transactions on one lock held through the commit's WAL flush, which would cap appends
 * at one commit per flush. Sent from here, the appends commit concurrently and share flushes, and
 * the notifying transaction commits asynchronously (it carries nothing durable). If the process
 * dies before a hint goes out, readers find the events at their next poll.
 */
final class Notifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final ConnectionSource connections;
    private final String channel;
    private final Thread thread;
    private final Object monitor = new Object();
    private long wanted;
    private long sent;
    private boolean closed;
    private Connection connection;

    Notifier(ConnectionSource connections, String channel) {
        this.connections = connections;
        this.channel = channel;
        this.thread = Thread.ofPlatform().daemon().name("cairn-pg-notify-" + channel).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Asks for a hint covering the transaction with this xid; returns at once. */
    void hint(long xid) {
        synchronized (monitor) {
            if (xid > wanted) {
                wanted = xid;
                monitor.notify();
            }
        }
    }

    private void run() {
        while (true) {
            long xid;
            synchronized (monitor) {
                while (wanted <= sent && !closed) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                xid = wanted;
            }
            send(xid);
        }
    }

    private void send(long xid) {
        try {
            if (connection == null) {
                connection = connections.open();
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET synchronous_commit = off");
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
                ps.setString(1, channel);
                ps.setString(2, Long.toString(xid));
                ps.execute();
            }
        } catch (SQLException e) {
            // A hint is best effort: readers poll. Drop the connection and try again with the next append.
            LOG.debug("could not notify {}: {}", channel, e.toString());
            closeConnection();
        }
        synchronized (monitor) {
            sent = Math.max(sent, xid);
        }
    }

    @Override
    public void close() {
        synchronized (monitor) {
            closed = true;
            monitor.notifyAll();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
            connection = null;
        }
    }
}
