package dev.cairn.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One key for the tests of this module, and tokens it signs. */
final class TestKeys {

    static final InstallationKey KEY = InstallationKey.generate();
    static final BearerTokens TOKENS = BearerTokens.of(KEY);
    static final String ADMIN = token("admin", Optional.empty());

    private TestKeys() {}

    static String token(String role, Optional<String> id) {
        return KEY.issue(role + "-" + id.orElse("x"), role, id, Duration.ofHours(1), Instant.now());
    }

    /** The value of an Authorization header for the admin. */
    static String adminBearer() {
        return "Bearer " + ADMIN;
    }
}
