package dev.cairn.lab.sync;

import dev.cairn.lab.relational.Sql;
import dev.cairn.restaurant.consumers.domain.ConsumerStanding;
import dev.cairn.restaurant.consumers.domain.Verification;
import dev.cairn.restaurant.consumers.domain.VerificationCommand.VerifyConsumer;
import dev.cairn.restaurant.consumers.domain.VerificationDecider;
import dev.cairn.restaurant.contracts.ConsumerEvent;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerificationFailed;
import io.javalin.Javalin;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

/**
 * The consumer service: {@code POST /verifications {"orderId","consumerId"}} → 200
 * {@code {"orderId","outcome": VERIFIED | FAILED,"failure"}}, decided once per order by the
 * restaurant's {@link VerificationDecider} and kept in {@code verifications}.
 */
final class ConsumerService implements Host.Service {

    static final String SCHEMA = """
            CREATE TABLE consumers (
              id text PRIMARY KEY, name text NOT NULL, active boolean NOT NULL,
              created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
            CREATE TABLE verifications (
              order_id text PRIMARY KEY, consumer_id text NOT NULL, outcome text NOT NULL, failure text,
              created_at timestamptz NOT NULL);
            """ + Idempotency.TABLE;

    private static final VerificationDecider DECIDER = new VerificationDecider();

    record VerifyBody(String orderId, String consumerId) {}

    private final Clock clock;

    ConsumerService(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void install(Javalin server, Life life) {
        server.post(
                "/verifications",
                Idempotency.handler(life, clock, (tx, ctx) -> verify(tx, Http.read(ctx.body(), VerifyBody.class))));
    }

    private Reply verify(Connection tx, VerifyBody body) throws SQLException {
        var command = new VerifyConsumer(body.orderId(), body.consumerId(), standing(tx, body.consumerId()));
        Verification state = Sql.text(
                        tx, "SELECT outcome FROM verifications WHERE order_id = ? FOR UPDATE", body.orderId())
                .map(Verification::valueOf)
                .orElse(DECIDER.initialState());
        String failure = null;
        for (ConsumerEvent event : DECIDER.decide(command, state)) {
            state = DECIDER.evolve(state, event);
            failure = event instanceof ConsumerVerificationFailed failed
                    ? failed.failure().name()
                    : null;
            Sql.update(
                    tx,
                    "INSERT INTO verifications VALUES (?, ?, ?, ?, ?)",
                    body.orderId(),
                    body.consumerId(),
                    state.name(),
                    failure,
                    clock.instant());
        }
        return new Reply(200, Http.write(Map.of("orderId", body.orderId(), "outcome", state.name())));
    }

    private static ConsumerStanding standing(Connection tx, String consumerId) throws SQLException {
        return Sql.text(tx, "SELECT active::text FROM consumers WHERE id = ? FOR SHARE", consumerId)
                .map(active -> active.equals("true") ? ConsumerStanding.ACTIVE : ConsumerStanding.INACTIVE)
                .orElse(ConsumerStanding.UNKNOWN);
    }
}
