package dev.cairn.restaurant.app.auth;

import dev.cairn.http.Authenticator;
import dev.cairn.http.BearerTokens;
import dev.cairn.http.InstallationKey;
import java.util.Objects;
import java.util.Optional;

/**
 * How a restaurant process knows its callers: the authenticator of bearer tokens, the key that
 * signs the tokens {@code POST /api/tokens} hands out (absent when an OIDC provider issues them),
 * and the HTTP hardening options.
 *
 * @param corsOrigin the one origin browsers may call from, if any
 * @param rateLimit  requests a second per principal, 0 for no limit
 */
public record Security(
        Authenticator authenticator, Optional<InstallationKey> key, Optional<String> corsOrigin, int rateLimit) {

    public Security {
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(corsOrigin, "corsOrigin");
        if (rateLimit < 0) {
            throw new IllegalArgumentException("rateLimit must be 0 (off) or positive, was " + rateLimit);
        }
    }

    /** Tokens signed by the installation's own key, which also signs new ones. */
    public static Security of(InstallationKey key) {
        return new Security(BearerTokens.of(key), Optional.of(key), Optional.empty(), 0);
    }

    public Security withCorsOrigin(String origin) {
        return new Security(authenticator, key, Optional.of(origin), rateLimit);
    }

    public Security withRateLimit(int perSecond) {
        return new Security(authenticator, key, corsOrigin, perSecond);
    }
}
