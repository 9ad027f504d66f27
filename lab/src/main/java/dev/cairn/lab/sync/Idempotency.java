package dev.cairn.lab.sync;

import dev.cairn.lab.relational.Sql;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/**
 * How the consumer, kitchen and accounting services dedupe retried calls: the
 * {@code Idempotency-Key} is inserted in the same transaction as the effect, with the answer, so a
 * repeated key gets the first answer and changes nothing. A second request with a key still in
 * flight waits on the key's row lock, then replays. The same key with another request is refused
 * (422 {@code IDEMPOTENCY_KEY_REUSED}).
 */
final class Idempotency {

    static final String TABLE = """
            CREATE TABLE idempotency_keys (
              key text PRIMARY KEY, request text NOT NULL, status int, body text, created_at timestamptz NOT NULL)""";

    /** One call's work in the service's transaction, with its request at hand. */
    @FunctionalInterface
    interface Work {
        Reply run(Connection tx, Context ctx) throws SQLException;
    }

    private Idempotency() {}

    /** A handler that runs {@code work} in one transaction, at most once per idempotency key. */
    static Handler handler(Life life, Clock clock, Work work) {
        return ctx -> {
            String key = ctx.header(Http.IDEMPOTENCY_KEY);
            String request = ctx.method() + " " + ctx.path() + " " + ctx.body();
            Reply reply = life.inTransaction(
                    tx -> key == null ? work.run(tx, ctx) : once(tx, key, request, clock, () -> work.run(tx, ctx)));
            life.alive();
            if (reply.replayed()) {
                ctx.header("Idempotent-Replayed", "true");
            }
            Http.answer(ctx, reply);
        };
    }

    private interface Effect {
        Reply run() throws SQLException;
    }

    private static Reply once(Connection tx, String key, String request, Clock clock, Effect effect)
            throws SQLException {
        int inserted = Sql.update(
                tx,
                "INSERT INTO idempotency_keys (key, request, created_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (key) DO NOTHING",
                key,
                request,
                clock.instant());
        if (inserted == 0) {
            return replay(tx, key, request);
        }
        Reply reply = effect.run();
        Sql.update(
                tx,
                "UPDATE idempotency_keys SET status = ?, body = ? WHERE key = ?",
                reply.status(),
                reply.body(),
                key);
        return reply;
    }

    private static Reply replay(Connection tx, String key, String request) throws SQLException {
        try (PreparedStatement statement =
                        Sql.prepare(tx, "SELECT request, status, body FROM idempotency_keys WHERE key = ?", key);
                ResultSet row = statement.executeQuery()) {
            row.next(); // the conflicting insert committed: the row is there
            if (!row.getString(1).equals(request)) {
                return Http.error(
                        422, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key " + key + " was used for another request");
            }
            return new Reply(row.getInt(2), row.getString(3), true);
        }
    }
}
