package dev.cairn.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/** A POST that appends nothing and answers a value: its body is checked exactly like a command's. */
record ActionEndpoint<B>(Class<B> bodyType, int status, Routes.ActionRoute<B> route, JsonBodies bodies, Replies replies)
        implements Handler {

    @Override
    public void handle(Context ctx) throws Exception {
        B body = bodies.read(ctx, bodyType);
        Object value = route.handle(body, new RequestCall(ctx));
        if (value == null) {
            throw new IllegalStateException("the route for " + ctx.path() + " returned no value");
        }
        replies.json(ctx, status, value);
    }
}
