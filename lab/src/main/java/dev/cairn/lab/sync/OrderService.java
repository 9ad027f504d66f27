package dev.cairn.lab.sync;

import dev.cairn.lab.Trace;
import dev.cairn.lab.sync.Downstream.Failed;
import dev.cairn.restaurant.app.ordering.OrderingContext.PlaceOrderBody;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.ordering.domain.OrderStatus;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The order service: {@code POST /api/orders} inserts the order pending, runs the
 * {@link Orchestration} inside the request and answers 201 {@code {"orderId","state"}} with the final
 * state, or the failure of a step (503 {@code <SERVICE>_UNAVAILABLE}, 504 {@code <SERVICE>_TIMEOUT},
 * 502 {@code <SERVICE>_REFUSED}).
 *
 * <p>On every start it resumes the orders its previous life left pending (killed mid-way): it runs
 * their orchestration again from the first step; every step carries the idempotency key of its first
 * attempt, so what was done is answered again, not redone.
 */
final class OrderService implements Host.Service {

    private final Trace trace;
    private final OrderRows orders;
    private final Supplier<Orchestration.Peers> peers;

    OrderService(Clock clock, Trace trace, Supplier<Orchestration.Peers> peers) {
        this.trace = trace;
        this.orders = new OrderRows(clock);
        this.peers = peers;
    }

    @Override
    public void install(Javalin server, Life life) {
        Orchestration orchestration = new Orchestration(life, new Downstream(life, trace), orders, trace, peers.get());
        server.post("/api/orders", ctx -> placeOrder(ctx, life, orchestration));
        List<String> pending = pendingOf(life);
        if (!pending.isEmpty()) {
            Thread.ofVirtual().name("order-recovery").start(() -> resume(life, orchestration, pending));
        }
    }

    private void placeOrder(Context ctx, Life life, Orchestration orchestration) throws Exception {
        PlaceOrderBody body = Http.read(ctx.body(), PlaceOrderBody.class);
        String orderId = UUID.randomUUID().toString();
        trace.record(orderId, "client", "order", "POST /api/orders");
        OrderCreated order = orders.create(life, orderId, body);
        trace.record(orderId, "order", "order db", "INSERT order APPROVAL_PENDING");
        try {
            OrderStatus state = orchestration.run(order);
            life.alive();
            trace.record(orderId, "order", "client", "201 " + state);
            Http.answer(ctx, new Reply(201, Http.write(Map.of("orderId", orderId, "state", state.name()))));
        } catch (Failed failed) {
            life.alive();
            trace.record(orderId, "order", "client", failed.status() + " " + failed.code());
            throw failed;
        }
    }

    private List<String> pendingOf(Life life) {
        try {
            return orders.pending(life);
        } catch (SQLException e) {
            throw new IllegalStateException("the order service cannot read its pending orders", e);
        }
    }

    private void resume(Life life, Orchestration orchestration, List<String> pending) {
        for (String orderId : pending) {
            try {
                trace.record(orderId, "order", "order", "resumed after a restart");
                orchestration.run(orders.details(life, orderId));
            } catch (Failed | SQLException | RuntimeException e) {
                if (life.killed()) {
                    return;
                }
                trace.record(orderId, "order", "order", "resuming failed: " + e.getMessage());
            }
        }
    }
}
