package dev.cairn.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Puts every route behind its {@link Access}: the bearer token is verified, the role checked and
 * the caller's rate counted before the route's handler (and so before its body is read) runs.
 */
final class Guard {

    static final String PRINCIPAL = "cairn.principal";
    private static final String SCHEME = "Bearer ";

    private final Authenticator authenticator;
    private final RateLimit rateLimit;

    /** @param rateLimit null for none */
    Guard(Authenticator authenticator, RateLimit rateLimit) {
        this.authenticator = authenticator;
        this.rateLimit = rateLimit;
    }

    Handler protect(Access access, Handler handler) {
        if (!access.tokenRequired()) {
            return handler;
        }
        return ctx -> {
            Principal principal = authenticate(ctx);
            if (!access.admits(principal)) {
                throw HttpProblem.forbidden(
                        "the role '" + principal.role() + "' may not " + ctx.method() + " " + ctx.matchedPath());
            }
            if (rateLimit != null && !rateLimit.admit(principal.actor())) {
                throw new HttpProblem(
                        429,
                        "TOO_MANY_REQUESTS",
                        "more than " + rateLimit.perSecond() + " requests a second by " + principal.actor()
                                + "; try again shortly");
            }
            ctx.attribute(PRINCIPAL, principal);
            handler.handle(ctx);
        };
    }

    private Principal authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw HttpProblem.unauthenticated(
                    "this request needs a token: send the header 'Authorization: Bearer <token>'");
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw HttpProblem.unauthenticated(
                    "the Authorization header must use the Bearer scheme: 'Authorization: Bearer <token>'");
        }
        String token = header.substring(SCHEME.length()).trim();
        if (token.isEmpty()) {
            throw HttpProblem.unauthenticated("the Authorization header carries no token after 'Bearer'");
        }
        try {
            return authenticator.authenticate(token);
        } catch (Authenticator.InvalidTokenException e) {
            throw HttpProblem.unauthenticated(e.getMessage());
        }
    }
}
