package dev.cairn.lab.sync;

import dev.cairn.lab.DescribedStyle;
import dev.cairn.lab.Fault;
import dev.cairn.lab.LabEnvironment;
import dev.cairn.lab.StyleRun;
import java.time.Clock;

/**
 * The order flow as a synchronous orchestration: order, consumer, kitchen and accounting services,
 * each an HTTP server on its own loopback port with its own PostgreSQL database, rows updated in
 * place. Inside the client's {@code POST /api/orders} the order service inserts the order pending,
 * then calls consumer (verify), kitchen (create ticket), accounting (authorise) and kitchen (confirm)
 * and approves; each service decides with the restaurant's own deciders.
 *
 * <p>Built as a careful team would: every call has a 1 s time-out and up to 2 retries, each attempt
 * carrying the step's idempotency key, which the services dedupe in the same transaction as the
 * effect; a declined payment rejects the ticket's creation, an unknown consumer rejects the order;
 * a step that still fails is compensated best effort (ticket rejected, payment reversed, where they
 * can be reached), the order is rejected with the failure as its reason, and the client gets 503
 * ({@code KITCHEN_UNAVAILABLE}…) or 504 ({@code …_TIMEOUT}). No transaction spans two services.
 *
 * <p>Decision on a crash: the order service resumes, on its restart, the orders it left pending. It
 * runs their flow again from the first step; the idempotency keys turn what was done into answers,
 * so each order ends as it would have, though its client, whose connection died, never hears it
 * (it may place the order again: the lab counts what the services stored). A team that has
 * idempotency keys has what it needs to do this, and leaving orders pending forever would be the
 * straw man. What resuming cannot fix stays visible: compensations that failed while a service was
 * unreachable are not retried later (no outbox), so a ticket may stay pending beside a rejected order.
 *
 * <p>{@code history()} reads the rows: when each was created and its state as of its last update,
 * no cause and no state between. {@code journey()} reads an in-memory trace of the HTTP calls of
 * recent orders (instrumentation, as a tracing agent would collect, kept beside the services so it
 * outlives a crash; no service reads it).
 *
 * <p>Faults, for real: {@link Fault#KITCHEN_DOWN} stops the kitchen's HTTP server (connections
 * refused) and restarts it on the same port; {@link Fault#ACCOUNTING_SLOW} makes every accounting
 * call take {@value Fault#ACCOUNTING_DELAY_MS} ms more; {@link Fault#ORDER_CRASH} kills the order
 * service: requests in flight lose their connection with no answer, its outbound calls are dropped,
 * no further step runs, its database connections are aborted; the heal restarts it on the same port.
 */
public final class SyncOrchestration extends DescribedStyle {

    public SyncOrchestration() {
        super(
                "sync-orchestration",
                "order, consumer, kitchen and accounting as separate HTTP services with a database each; the order "
                        + "service calls them in turn inside the client's request, with time-outs, retries with idempotency keys "
                        + "and best-effort compensation");
    }

    @Override
    public StyleRun start(LabEnvironment environment) throws Exception {
        return SyncRun.start(environment, Clock.systemUTC());
    }
}
