package dev.cairn.http;

import dev.cairn.core.command.CommandContext;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** {@link Call} over a Javalin {@link Context}. */
final class RequestCall implements Call {

    private final Context ctx;
    private CommandContext commandContext;

    RequestCall(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public String pathParam(String name) {
        return ctx.pathParam(name);
    }

    @Override
    public <T> T pathParam(String name, Function<String, ? extends T> parser) {
        String value = ctx.pathParam(name);
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badParameter("path parameter '" + name + "' is invalid: " + e.getMessage());
        }
    }

    @Override
    public Optional<String> queryParam(String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public int queryParam(String name, int defaultValue, int min, int max) {
        Optional<String> value = queryParam(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // answered below, with the same message as an out-of-range number
        }
        throw HttpProblem.badParameter(
                "query parameter '" + name + "' must be a whole number from " + min + " to " + max);
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(ctx.header(name));
    }

    @Override
    public CommandContext commandContext() {
        if (commandContext == null) {
            commandContext = CommandContext.startingWith(UUID.randomUUID());
            Principal principal = ctx.attribute(Guard.PRINCIPAL);
            if (principal != null) {
                commandContext = commandContext.actedBy(principal.actor());
            }
        }
        return commandContext;
    }

    @Override
    public Principal principal() {
        Principal principal = ctx.attribute(Guard.PRINCIPAL);
        if (principal == null) {
            throw new IllegalStateException(ctx.matchedPath() + " admits anyone, so its calls have no principal");
        }
        return principal;
    }

    @Override
    public String newId() {
        return UUID.randomUUID().toString();
    }
}
