package dev.cairn.lab.sync;

import dev.cairn.lab.relational.WritePool;
import io.javalin.Javalin;
import java.net.URI;

/**
 * Hosts one service: an HTTP server on a loopback port of its own and a pool on the service's own
 * database. It can be stopped or killed and started again, always on the port of its first start,
 * so the other services' (and the client's) addresses stay valid.
 */
final class Host {

    /** What a service serves; installed afresh on every life. */
    @FunctionalInterface
    interface Service {

        void install(Javalin server, Life life);
    }

    static final int POOL_SIZE = 6;

    private final String name;
    private final Service service;
    private final String jdbcUrl;
    private int port;
    private Life life;

    /** @param name the service's name: its lives', its threads' and its pool's */
    Host(String name, Service service, String jdbcUrl) {
        this.name = name;
        this.service = service;
        this.jdbcUrl = jdbcUrl;
    }

    synchronized void start() {
        Life next = new Life(name, WritePool.open(jdbcUrl, "sync-" + name, POOL_SIZE, 1));
        Javalin server = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.jetty.threadPool = Http.threadPool(name);
        });
        server.exception(Exception.class, (e, ctx) -> Http.answerError(next, e, ctx));
        service.install(server, next);
        next.serving(server);
        server.start("127.0.0.1", port);
        port = server.port();
        life = next;
    }

    /** Stops the server for real: connections to its port are refused until {@link #start()}. */
    synchronized void stop() {
        life.stop();
    }

    synchronized void kill() {
        life.kill();
    }

    /** For the end of a run: a clean stop, unless the service is already down (stopped or killed). */
    synchronized void stopIfRunning() {
        if (life != null && !life.ended()) { // null: never started
            life.stop();
        }
    }

    synchronized URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }
}
