package dev.cairn.lab.crud;

import dev.cairn.lab.DescribedStyle;
import dev.cairn.lab.Fault;
import dev.cairn.lab.LabEnvironment;
import dev.cairn.lab.StyleRun;
import java.time.Clock;
import java.util.Optional;

/**
 * The order flow as a CRUD monolith: one service (an HTTP server) and one PostgreSQL database of its
 * own, with tables updated in place ({@code orders}, {@code order_lines}, {@code tickets},
 * {@code payments}, {@code consumers}, {@code restaurants}, {@code menu_items}). Every order is ONE
 * ACID transaction that inserts the order, verifies the consumer (read {@code FOR SHARE}), creates
 * the ticket, authorises the payment and approves or rejects, deciding each step with the
 * restaurant's own deciders. {@code POST /api/orders} answers 201 {@code {"orderId","state"}} with
 * the final state.
 *
 * <p>Rows carry {@code created_at} and {@code updated_at} and nothing else of their past: there is no
 * event or audit log, so {@code history()} can tell only when a row was created and its state as of
 * its last update, with no cause (except an order's rejection reason). {@code journey()} reads an
 * in-memory trace of recent orders' messages: instrumentation, as a tracing agent would collect, not
 * storage the monolith uses; it lives beside the monolith and outlives a crash, as a trace collector
 * would.
 *
 * <p>Faults: the kitchen is a module in the same process and transaction, so {@link Fault#KITCHEN_DOWN}
 * does not apply. {@link Fault#ACCOUNTING_SLOW} makes the payment gateway call, made inside the
 * transaction, take {@value Fault#ACCOUNTING_DELAY_MS} ms more. {@link Fault#ORDER_CRASH} kills the
 * monolith (it is the order service): requests in flight lose their connection with no answer,
 * no further step runs, and the pool aborts its connections so PostgreSQL rolls back every open
 * transaction; the heal starts a new monolith on the same port and database.
 */
public final class CrudMonolith extends DescribedStyle {

    static final String NO_KITCHEN_TO_LOSE = "a monolith has no separate kitchen service to lose: the kitchen is a "
            + "module in the same process and transaction";

    public CrudMonolith() {
        super(
                "crud-monolith",
                "one service and one PostgreSQL database; each order is one ACID transaction that inserts the order, "
                        + "verifies the consumer, creates the ticket, authorises the payment and approves, updating rows in place");
    }

    @Override
    public Optional<String> inapplicable(Fault fault) {
        return switch (fault) {
            case KITCHEN_DOWN -> Optional.of(NO_KITCHEN_TO_LOSE);
            case ACCOUNTING_SLOW, ORDER_CRASH -> Optional.empty();
        };
    }

    @Override
    public StyleRun start(LabEnvironment environment) throws Exception {
        return CrudRun.start(environment, Clock.systemUTC());
    }
}
