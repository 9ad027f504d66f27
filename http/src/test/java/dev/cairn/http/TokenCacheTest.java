package dev.cairn.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A verified token is remembered (a request then costs a hash lookup, not an ES256 check); a refused one is not. */
class TokenCacheTest {

    @Test
    void a_verified_token_is_answered_from_memory_the_second_time() throws Exception {
        BearerTokens tokens = BearerTokens.of(TestKeys.KEY);
        String token = TestKeys.token("consumer", Optional.of("c1"));

        Principal first = tokens.authenticate(token);

        // Verifying builds a new Principal; the same instance means no second signature check ran.
        assertThat(tokens.authenticate(token)).isSameAs(first);
        assertThat(tokens.authenticate(TestKeys.token("consumer", Optional.of("c1"))))
                .as("another token")
                .isEqualTo(first)
                .isNotSameAs(first);
    }

    @Test
    void a_refused_token_is_refused_again() {
        BearerTokens tokens = BearerTokens.of(TestKeys.KEY);
        String foreign = InstallationKey.generate()
                .issue("admin", "admin", Optional.empty(), Duration.ofMinutes(5), Instant.now());

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.authenticate(foreign))
                    .isInstanceOf(Authenticator.InvalidTokenException.class);
        }
    }
}
