package dev.cairn.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link BearerTokens#oidc} against a provider on the loopback: discovery, claim mapping, key rotation. */
class OidcTokensTest {

    TestIssuer issuer;

    @BeforeEach
    void start() {
        issuer = TestIssuer.start().key("k1", true);
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    @Test
    void accepts_a_token_of_the_provider_with_its_claims_mapped() throws Exception {
        BearerTokens tokens = BearerTokens.oidc(issuer.uri(), "cairn_role", "party");

        Principal principal = tokens.authenticate(issuer.token("k1", "cairn_role", "consumer", "party", "c-7"));

        assertThat(principal).isEqualTo(new Principal("user-c-7", "consumer", Optional.of("c-7")));
        assertThat(principal.actor()).isEqualTo("consumer:c-7");
    }

    @Test
    void refuses_a_token_of_an_unpublished_key_and_one_of_another_issuer() throws Exception {
        BearerTokens tokens = BearerTokens.oidc(issuer.uri(), "role", "id");
        issuer.key("secret", false);

        assertRefused(tokens, issuer.token("secret", "role", "admin", "id", "x"));
        try (TestIssuer other = TestIssuer.start().key("k1", true)) {
            assertRefused(tokens, other.token("k1", "role", "admin", "id", "x"));
        }
    }

    @Test
    void a_new_key_id_in_the_jwks_is_fetched_when_a_token_names_it() throws Exception {
        BearerTokens tokens = BearerTokens.oidc(issuer.uri(), "role", "id");
        tokens.authenticate(issuer.token("k1", "role", "admin", "id", "a"));
        int fetches = issuer.jwksFetches();

        issuer.key("k2", true);

        // The refetch is rate-limited to one a second, so a token right after the first fetch may be refused once.
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(tokens.authenticate(issuer.token("k2", "role", "admin", "id", "a"))
                                .role())
                        .isEqualTo("admin"));
        assertThat(issuer.jwksFetches())
                .as("an unknown kid made it fetch the JWKS again")
                .isGreaterThan(fetches);
    }

    @Test
    void a_withdrawn_key_is_refused_once_the_keys_are_fetched_again() throws Exception {
        BearerTokens tokens = BearerTokens.oidc(issuer.uri(), "role", "id", Duration.ofSeconds(2));
        issuer.key("k2", true);
        tokens.authenticate(issuer.token("k1", "role", "admin", "id", "a"));

        issuer.withdraw("k1");

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertRefused(tokens, issuer.token("k1", "role", "admin", "id", "a")));
        assertThat(tokens.authenticate(issuer.token("k2", "role", "admin", "id", "a"))
                        .role())
                .isEqualTo("admin");
    }

    @Test
    void a_provider_whose_discovery_names_another_issuer_is_refused_at_start() {
        // The document says "http://127.0.0.1:PORT", not the "…/" it was asked about: a token could never match.
        assertThatThrownBy(() -> BearerTokens.oidc(URI.create(issuer.uri() + "/"), "role", "id"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("names the issuer");
    }

    private static void assertRefused(BearerTokens tokens, String token) {
        assertThatThrownBy(() -> tokens.authenticate(token)).isInstanceOf(Authenticator.InvalidTokenException.class);
    }
}
