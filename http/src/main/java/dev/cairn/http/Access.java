package dev.cairn.http;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * Who may call a route, declared with the route: a request the declaration does not admit is
 * refused before the route (or even the check of its body) runs: {@code 401} without a valid
 * bearer token, {@code 403} when the token's role is not among the route's.
 *
 * <p>Finer rules, such as ownership (a consumer only sees its own orders), depend on data only the
 * route has; it applies them itself through {@link Call#principal()}.
 */
public final class Access {

    private static final Access ANYONE = new Access(false, Set.of());
    private static final Access ANY_ROLE = new Access(true, Set.of());

    private final boolean tokenRequired;
    private final Set<String> roles;

    private Access(boolean tokenRequired, Set<String> roles) {
        this.tokenRequired = tokenRequired;
        this.roles = roles;
    }

    /** No token needed (a health check, the web page's files). */
    public static Access anyone() {
        return ANYONE;
    }

    /** Any valid token, whatever its role; the route decides what each role gets. */
    public static Access anyRole() {
        return ANY_ROLE;
    }

    /** A valid token with one of these roles. */
    public static Access roles(String first, String... more) {
        Objects.requireNonNull(first, "first");
        String[] all = Arrays.copyOf(more, more.length + 1);
        all[more.length] = first;
        return new Access(true, Set.of(all));
    }

    boolean tokenRequired() {
        return tokenRequired;
    }

    /** Whether a request by {@code principal} (authenticated) may reach the route. */
    boolean admits(Principal principal) {
        return roles.isEmpty() || roles.contains(principal.role());
    }

    @Override
    public String toString() {
        return !tokenRequired ? "anyone" : roles.isEmpty() ? "any role" : "roles " + roles;
    }
}
