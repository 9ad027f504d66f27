package dev.cairn.http;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a request acts as, from its verified bearer token: the token's subject, its role, and the
 * party the bearer acts for (a consumer's id, say); an operator's token names no party.
 *
 * @param subject the token's {@code sub}
 * @param role    the token's role claim, e.g. {@code admin}
 * @param id      the party the bearer acts for, empty for an operator
 */
public record Principal(String subject, String role, Optional<String> id) {

    public Principal {
        requireText(subject, "subject");
        requireText(role, "role");
        Objects.requireNonNull(id, "id");
        id.ifPresent(value -> requireText(value, "id"));
    }

    /** What the audit trail records: {@code role:id}, or {@code role:subject} when the token names no party. */
    public String actor() {
        return role + ":" + id.orElse(subject);
    }

    /** Whether this principal has the role and, when it names one, acts for {@code party}. */
    public boolean is(String role, String party) {
        return this.role.equals(role) && id.map(party::equals).orElse(false);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a principal's " + name + " must not be blank");
        }
    }
}
