package dev.cairn.http;

import dev.cairn.core.command.CommandContext;
import java.util.Optional;
import java.util.function.Function;

/**
 * One HTTP request, as a route sees it: parameters that are already checked, or checked here with
 * a {@code 400} naming the parameter, and the identity of the command it carries.
 */
public interface Call {

    /** A path parameter, e.g. {@code id} in {@code /api/orders/{id}}. */
    String pathParam(String name);

    /**
     * A path parameter turned into a value, typically a value object's constructor.
     *
     * @throws HttpProblem 400 naming the parameter when {@code parser} throws
     *                     {@link IllegalArgumentException}
     */
    <T> T pathParam(String name, Function<String, ? extends T> parser);

    /** A query parameter, empty when absent or blank. */
    Optional<String> queryParam(String name);

    /**
     * A whole-number query parameter.
     *
     * @throws HttpProblem 400 naming the parameter when it is not a whole number in {@code [min, max]}
     */
    int queryParam(String name, int defaultValue, int min, int max);

    /** A request header, empty when absent. */
    Optional<String> header(String name);

    /**
     * The identity of the command this request carries: fresh per request, and the start of its
     * own conversation (correlation and causation are the command id).
     */
    CommandContext commandContext();

    /**
     * Who is calling, from the verified bearer token.
     *
     * @throws IllegalStateException on a route that admits {@link Access#anyone() anyone}, which has no principal
     */
    Principal principal();

    /** A new server-chosen id for an entity this request creates. */
    String newId();
}
