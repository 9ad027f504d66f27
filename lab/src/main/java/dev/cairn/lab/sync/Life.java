package dev.cairn.lab.sync;

import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One life of a service, from a start to its stop or kill: its connection pool, its HTTP server and
 * whatever else it opened. Work of a killed life takes no further step ({@link #alive()}).
 */
final class Life {

    private final String service;
    private final HikariDataSource pool;
    private final List<Runnable> onEnd = new CopyOnWriteArrayList<>();
    private volatile Javalin server;
    private volatile boolean killed;
    private volatile boolean ended;

    Life(String service, HikariDataSource pool) {
        this.service = service;
        this.pool = pool;
    }

    String service() {
        return service;
    }

    void serving(Javalin server) {
        this.server = server;
    }

    /** Also done when this life ends (e.g. closing its outbound client); on a kill, before its pool goes. */
    void onEnd(Runnable action) {
        onEnd.add(action);
    }

    boolean killed() {
        return killed;
    }

    /** Whether this life was stopped or killed. */
    boolean ended() {
        return ended;
    }

    /** @throws Killed when this life was killed meanwhile */
    void alive() {
        if (killed) {
            throw new Killed(service);
        }
    }

    <T> T inTransaction(SqlWork<T> work) throws SQLException {
        alive();
        try (Connection tx = pool.getConnection()) {
            try {
                T result = work.run(tx);
                alive();
                tx.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                if (!killed) { // a killed life's connections are aborted: PostgreSQL rolls back
                    tx.rollback();
                }
                throw e;
            }
        }
    }

    /** Ends as a killed process would: no further step, outbound calls dropped, open transactions rolled back. */
    void kill() {
        killed = true;
        ended = true;
        onEnd.forEach(Runnable::run);
        pool.close();
        stopServer();
    }

    /** A clean stop: the server first, so no request is cut off from its database. */
    void stop() {
        ended = true;
        stopServer();
        onEnd.forEach(Runnable::run);
        pool.close();
    }

    private void stopServer() {
        if (server != null) {
            server.stop();
        }
    }
}
