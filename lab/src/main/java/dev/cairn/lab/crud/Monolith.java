package dev.cairn.lab.crud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.core.model.Rejection;
import dev.cairn.lab.Trace;
import dev.cairn.lab.relational.JsonHttp;
import dev.cairn.lab.relational.WritePool;
import dev.cairn.restaurant.app.ordering.OrderingContext.PlaceOrderBody;
import dev.cairn.restaurant.ordering.domain.OrderStatus;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * One life of the monolith: its HTTP server, its connection pool and whatever is in flight. A
 * crash ({@link #kill()}) ends this life without a clean shutdown; a restart is a new life on the
 * same port and the same database.
 */
final class Monolith {

    static final int POOL_SIZE = 8;

    private final Trace trace;
    private final Steps steps;
    private final PlaceOrderTransaction orders;
    private final HikariDataSource pool;
    private final Javalin server;
    private volatile boolean killed;

    private Monolith(String jdbcUrl, int port, Trace trace, Clock clock, LongSupplier gatewayDelayMillis) {
        this.trace = trace;
        this.steps = new Steps(trace, clock, () -> killed);
        this.orders = new PlaceOrderTransaction(steps, gatewayDelayMillis);
        this.pool = WritePool.open(jdbcUrl, "crud-monolith", POOL_SIZE, 2);
        this.server = Javalin.create(config -> {
                    config.showJavalinBanner = false;
                    config.startupWatcherEnabled = false;
                    config.jetty.threadPool = JsonHttp.threadPool("crud-monolith", "crud-request-");
                })
                .post("/api/orders", this::placeOrder)
                .exception(Exception.class, this::answerError)
                .start("127.0.0.1", port);
    }

    /** Starts a life of the monolith on {@code port} (0: any free one). */
    static Monolith start(String jdbcUrl, int port, Trace trace, Clock clock, LongSupplier gatewayDelayMillis) {
        return new Monolith(jdbcUrl, port, trace, clock, gatewayDelayMillis);
    }

    int port() {
        return server.port();
    }

    /**
     * Dies as a killed process would: no request in flight gets an answer and no further step runs,
     * and the pool aborts its connections, so PostgreSQL rolls back every open transaction.
     */
    void kill() {
        killed = true;
        pool.close();
        server.stop();
    }

    /** A clean stop, for the end of a run. */
    void stop() {
        server.stop();
        pool.close();
    }

    private void placeOrder(Context ctx) throws Exception {
        PlaceOrderBody body = JsonHttp.read(ctx.body(), PlaceOrderBody.class, "the JSON of an order");
        String orderId = UUID.randomUUID().toString();
        trace.record(orderId, "client", "monolith", "POST /api/orders");
        OrderStatus state;
        try (Connection tx = pool.getConnection()) {
            try {
                state = orders.run(tx, orderId, body);
                steps.next(orderId, "database", "COMMIT");
                tx.commit();
            } catch (Exception e) {
                if (!killed) { // a killed monolith's connections are aborted: PostgreSQL rolls back
                    rollBack(tx);
                }
                throw e;
            }
        }
        steps.alive();
        trace.record(orderId, "monolith", "client", "201 " + state);
        ctx.status(201)
                .contentType("application/json")
                .result(JsonHttp.JSON.writeValueAsString(Map.of("orderId", orderId, "state", state.name())));
    }

    private void rollBack(Connection tx) {
        try {
            tx.rollback();
        } catch (SQLException ignored) {
            // the connection broke: PostgreSQL rolls back what it left open
        }
    }

    private void answerError(Exception e, Context ctx) {
        if (killed) {
            JsonHttp.dropConnection(ctx);
            return;
        }
        switch (e) {
            case Rejection rejection ->
                answer(ctx, JsonHttp.status(rejection.kind()), rejection.reason(), rejection.getMessage());
            case SQLTransientConnectionException busy -> answer(ctx, 503, "DATABASE_UNAVAILABLE", busy.getMessage());
            case SQLException failed -> answer(ctx, 503, "DATABASE_ERROR", failed.getMessage());
            default -> answer(ctx, 500, "INTERNAL_ERROR", String.valueOf(e));
        }
    }

    private static void answer(Context ctx, int status, String error, String message) {
        try {
            ctx.status(status)
                    .contentType("application/json")
                    .result(JsonHttp.JSON.writeValueAsString(
                            Map.of("error", error, "message", String.valueOf(message))));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
