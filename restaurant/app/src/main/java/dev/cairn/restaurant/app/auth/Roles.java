package dev.cairn.restaurant.app.auth;

import dev.cairn.http.Access;
import dev.cairn.http.Call;
import dev.cairn.http.HttpProblem;
import dev.cairn.http.Principal;
import java.util.function.Function;

/**
 * The restaurant system's four roles and the checks its routes share. Who may call a route at all
 * is its {@link Access}; whether the resource is the caller's is decided by the route from its own
 * context's state, and a resource that is not the caller's is answered as if it did not exist.
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String CONSUMER = "consumer";
    public static final String RESTAURANT = "restaurant";
    public static final String COURIER = "courier";

    /** Only the operator. */
    public static final Access ADMIN_ONLY = Access.roles(ADMIN);

    private Roles() {}

    public static boolean isAdmin(Principal principal) {
        return principal.role().equals(ADMIN);
    }

    /** True for the admin, and for the bearer acting for exactly {@code party} in {@code role}. */
    public static boolean mayActFor(Principal principal, String role, String party) {
        return isAdmin(principal) || (party != null && principal.is(role, party));
    }

    /**
     * Throws a 403 unless the caller is the admin or acts for exactly {@code party} in {@code role}:
     * a party acts only for itself, and the answer tells it which id it should have named.
     *
     * @param rule  what the party may do, e.g. "a courier sets only its own availability"
     * @param where where its own id goes, e.g. "the path must name"
     */
    public static void requireActingFor(Principal principal, String role, String party, String rule, String where) {
        if (!mayActFor(principal, role, party)) {
            throw HttpProblem.forbidden(
                    rule + ": " + where + " " + principal.id().orElse("its own id"));
        }
    }

    /** The 404 for a resource that is not the caller's: the same answer as for one that does not exist. */
    public static HttpProblem notFound(String what, String id) {
        return HttpProblem.notFound("there is no " + what + " " + id);
    }

    /** Throws that 404 unless the caller is the admin or acts for {@code owner} in {@code role}. */
    public static void requireOwner(Principal principal, String role, String owner, String what, String id) {
        if (!mayActFor(principal, role, owner)) {
            throw notFound(what, id);
        }
    }

    /**
     * The order id a route's path names, once the caller may act on that order's {@code what}: an
     * admin always, anyone else only as the {@code role} that owns it. {@code ownerOf} answers null
     * when there is no such thing, which the caller then hears as "not found"; it is asked only for
     * callers who are not admins.
     */
    public static String orderIdOwnedBy(Call call, String role, String what, Function<String, String> ownerOf) {
        String id = call.pathParam("orderId");
        if (!isAdmin(call.principal())) {
            requireOwner(call.principal(), role, ownerOf.apply(id), what, id);
        }
        return id;
    }
}
