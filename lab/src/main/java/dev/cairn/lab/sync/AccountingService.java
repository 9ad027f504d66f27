package dev.cairn.lab.sync;

import dev.cairn.lab.relational.Decisions;
import dev.cairn.lab.relational.Sql;
import dev.cairn.restaurant.accounting.domain.Payment;
import dev.cairn.restaurant.accounting.domain.PaymentCommand;
import dev.cairn.restaurant.accounting.domain.PaymentCommand.AuthorizePayment;
import dev.cairn.restaurant.accounting.domain.PaymentCommand.ReversePayment;
import dev.cairn.restaurant.accounting.domain.PaymentDecider;
import dev.cairn.restaurant.accounting.domain.PaymentStatus;
import dev.cairn.restaurant.contracts.CancellationReason;
import dev.cairn.restaurant.contracts.PaymentEvent;
import io.javalin.Javalin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The accounting service, deciding with the restaurant's {@link PaymentDecider} over the
 * {@code payments} row:
 * <ul>
 *   <li>{@code POST /payments {"orderId","consumerId","amountCents","paymentToken"}} → 201
 *       {@code {"orderId","state": AUTHORIZED | DECLINED}}</li>
 *   <li>{@code POST /payments/{orderId}/reverse} → 200: the compensation when the kitchen cannot confirm</li>
 * </ul>
 * Every call first takes the injected extra time ({@link dev.cairn.lab.Fault#ACCOUNTING_SLOW}),
 * outside any transaction, as a slow provider behind the service would.
 */
final class AccountingService implements Host.Service {

    static final String SCHEMA = """
            CREATE TABLE payments (
              order_id text PRIMARY KEY, consumer_id text NOT NULL, amount_cents bigint NOT NULL, state text NOT NULL,
              created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
            """ + Idempotency.TABLE;

    private static final PaymentDecider DECIDER = new PaymentDecider();

    record AuthorizeBody(String orderId, String consumerId, long amountCents, String paymentToken) {}

    private final Clock clock;
    private final LongSupplier extraMillis;

    AccountingService(Clock clock, LongSupplier extraMillis) {
        this.clock = clock;
        this.extraMillis = extraMillis;
    }

    @Override
    public void install(Javalin server, Life life) {
        server.before(ctx -> Thread.sleep(extraMillis.getAsLong()));
        server.post("/payments", Idempotency.handler(life, clock, (tx, ctx) -> {
            AuthorizeBody body = Http.read(ctx.body(), AuthorizeBody.class);
            var command =
                    new AuthorizePayment(body.orderId(), body.consumerId(), body.amountCents(), body.paymentToken());
            return apply(tx, command, body.consumerId(), 201);
        }));
        server.post(
                "/payments/{orderId}/reverse",
                Idempotency.handler(
                        life,
                        clock,
                        (tx, ctx) ->
                                // The kitchen could not take the order: the reason the restaurant gives a rejected
                                // ticket.
                                apply(
                                        tx,
                                        new ReversePayment(
                                                ctx.pathParam("orderId"), CancellationReason.RESTAURANT_REJECTED),
                                        null,
                                        200)));
    }

    private Reply apply(Connection tx, PaymentCommand command, String consumerId, int status) throws SQLException {
        Payment state = load(tx, command.orderId());
        List<PaymentEvent> events = DECIDER.decide(command, state);
        Payment.Existing payment = (Payment.Existing) Decisions.evolve(DECIDER, state, events);
        Instant now = clock.instant();
        if (!events.isEmpty() && state instanceof Payment.NoPayment) {
            Sql.update(
                    tx,
                    "INSERT INTO payments VALUES (?, ?, ?, ?, ?, ?)",
                    command.orderId(),
                    consumerId,
                    payment.amountCents(),
                    payment.status().name(),
                    now,
                    now);
        } else if (!events.isEmpty()) {
            Sql.update(
                    tx,
                    "UPDATE payments SET state = ?, updated_at = ? WHERE order_id = ?",
                    payment.status().name(),
                    now,
                    command.orderId());
        }
        return new Reply(
                status,
                Http.write(Map.of(
                        "orderId", command.orderId(), "state", payment.status().name())));
    }

    private static Payment load(Connection tx, String orderId) throws SQLException {
        try (PreparedStatement statement = Sql.prepare(
                        tx, "SELECT amount_cents, state FROM payments WHERE order_id = ? FOR UPDATE", orderId);
                ResultSet row = statement.executeQuery()) {
            return row.next()
                    ? new Payment.Existing(row.getLong(1), PaymentStatus.valueOf(row.getString(2)))
                    : DECIDER.initialState();
        }
    }
}
