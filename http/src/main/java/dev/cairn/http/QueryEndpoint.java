package dev.cairn.http;

import dev.cairn.core.query.ReadSide;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A query route: answers from a {@link ReadSide}, once it has processed {@code consistentWith} if
 * asked, with the position the view had processed in {@code Cairn-Position} and, when the route
 * has a {@link Staleness}, how stale the view may be in {@code Cairn-Stale}.
 *
 * @param staleness null when the route does not report it
 */
record QueryEndpoint<V>(
        ReadSide<V> side, Routes.QueryRoute<V> route, Duration timeout, Replies replies, Staleness staleness)
        implements Handler {

    @Override
    public void handle(Context ctx) {
        long wanted = Consistency.requested(ctx);
        Call call = new RequestCall(ctx);
        ReadSide.Answer<Object> answer = wanted == Consistency.NONE
                ? side.ask(view -> answer(ctx, view, call))
                : side.ask(view -> answer(ctx, view, call), wanted, timeout);
        ctx.header(Replies.POSITION_HEADER, PositionToken.format(answer.position()));
        Object value = answer.value();
        if (value instanceof Optional<?> optional) {
            value = optional.orElse(null);
        }
        if (value == null) {
            throw HttpProblem.notFound("there is nothing at " + ctx.path());
        }
        replies.json(ctx, 200, value);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, duration.toMillis()) / 1000.0);
    }

    private Object answer(Context ctx, V view, Call call) {
        // Set before the question runs, so a 404 the route throws also says how far the view was;
        // the position is read before the answer is computed, so it is a lower bound, as the header promises.
        ctx.header(Replies.POSITION_HEADER, PositionToken.format(side.position()));
        if (staleness != null) {
            ctx.header(Replies.STALE_HEADER, seconds(staleness.staleness()));
        }
        return route.answer(view, call);
    }
}
