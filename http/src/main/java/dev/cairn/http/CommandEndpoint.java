package dev.cairn.http;

import dev.cairn.core.command.CommandResult;
import dev.cairn.core.query.ProcessedPosition;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command route: checks the request (body, {@code consistentWith}) before the route runs, waits
 * for the command side if asked, then turns the {@link CommandReply} into 201/202 with the id and
 * position, or into the error its rejection maps to.
 *
 * @param bodyType null for a route without a body
 */
record CommandEndpoint<B>(
        Class<B> bodyType,
        Routes.CommandRoute<B> route,
        ProcessedPosition side,
        JsonBodies bodies,
        Consistency consistency,
        Replies replies)
        implements Handler {

    @Override
    public void handle(Context ctx) throws Exception {
        B body = null;
        if (bodyType == null) {
            bodies.requireNoneOrJson(ctx);
        } else {
            body = bodies.read(ctx, bodyType);
        }
        consistency.await(side, Consistency.requested(ctx));
        CommandReply reply = route.handle(body, new RequestCall(ctx));
        if (reply == null) {
            throw new IllegalStateException("the command route for " + ctx.path() + " returned no reply");
        }
        answer(ctx, reply);
    }

    private void answer(Context ctx, CommandReply reply) {
        switch (reply.result()) {
            case CommandResult.Accepted accepted -> {
                Map<String, String> body = new LinkedHashMap<>();
                body.put(reply.idName(), reply.id());
                body.put("position", PositionToken.format(accepted.position()));
                replies.json(ctx, reply.status(), body);
            }
            case CommandResult.Rejected rejected -> throw ErrorResponses.of(rejected);
        }
    }
}
