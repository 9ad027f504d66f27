package dev.cairn.http;

import static dev.cairn.http.HttpAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthenticationTest extends SharedToyServerTest {

    static HttpResponse<String> createWith(String authorization) {
        var request = HttpRequest.newBuilder(toy.uri("/api/counters"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"guarded\",\"start\":0,\"template\":\"plain\",\"labels\":[]}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return toy.sendAsIs(request);
    }

    static String claimsSigned(JWTClaimsSet.Builder claims) {
        return TestKeys.KEY.sign(claims.build());
    }

    static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(TestKeys.KEY.issuer())
                .subject("someone")
                .claim("role", "admin")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    static Stream<Arguments> refused() throws Exception {
        String valid = TestKeys.token("consumer", Optional.of("c1"));
        String[] parts = valid.split("\\.");
        String elevated = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"consumer\"", "\"admin\"")
                        .getBytes(StandardCharsets.UTF_8));
        SignedJWT hmac = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                validClaims().build());
        hmac.sign(new MACSigner(TestKeys.KEY.publicKeys().toString().getBytes(StandardCharsets.UTF_8)));
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("no header", null, "needs a token"),
                Arguments.of("another scheme", "Basic YWRtaW46YWRtaW4=", "Bearer scheme"),
                Arguments.of("an empty bearer", "Bearer ", "Bearer"),
                Arguments.of("garbage", "Bearer not-a-token", "not a JWT"),
                Arguments.of("alg none", "Bearer " + new PlainJWT(validClaims().build()).serialize(), "refused"),
                Arguments.of("HMAC signed with the public key", "Bearer " + hmac.serialize(), "refused"),
                Arguments.of(
                        "another installation's key",
                        "Bearer "
                                + InstallationKey.generate()
                                        .issue("admin", "admin", Optional.empty(), Duration.ofMinutes(5), now),
                        "refused"),
                Arguments.of("tampered claims", "Bearer " + parts[0] + "." + elevated + "." + parts[2], "refused"),
                Arguments.of(
                        "expired",
                        "Bearer " + claimsSigned(validClaims().expirationTime(Date.from(now.minusSeconds(60)))),
                        "Expired"),
                Arguments.of(
                        "not yet valid",
                        "Bearer " + claimsSigned(validClaims().notBeforeTime(Date.from(now.plusSeconds(120)))),
                        "before"),
                Arguments.of(
                        "another issuer", "Bearer " + claimsSigned(validClaims().issuer("urn:elsewhere")), "iss"),
                Arguments.of("no role", "Bearer " + claimsSigned(validClaims().claim("role", null)), "role"),
                Arguments.of("no expiry", "Bearer " + claimsSigned(validClaims().expirationTime(null)), "exp"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses_with_401_and_appends_nothing(String what, String authorization, String messagePart) {
        long head = toy.store.realHead();

        HttpResponse<String> response = createWith(authorization);

        assertError(response, 401, "UNAUTHENTICATED", messagePart);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(toy.store.realHead()).isEqualTo(head);
    }

    @Test
    void a_valid_token_is_admitted() {
        assertThat(createWith(TestKeys.adminBearer()).statusCode()).isEqualTo(201);
        assertThat(createWith("bearer " + TestKeys.ADMIN).statusCode())
                .as("the scheme is case-insensitive")
                .isEqualTo(201);
    }

    @Test
    void a_token_a_little_past_expiry_is_admitted_within_the_clock_skew() {
        String token = claimsSigned(
                validClaims().expirationTime(Date.from(Instant.now().minusSeconds(2))));

        assertThat(createWith("Bearer " + token).statusCode()).isEqualTo(201);
    }

    @Test
    void a_role_the_route_does_not_admit_is_403_before_anything_else() {
        long head = toy.store.realHead();
        var request = HttpRequest.newBuilder(toy.uri("/api/counters/none/close"))
                .header("Content-Type", "text/plain")
                .header("Authorization", "Bearer " + TestKeys.token("consumer", Optional.of("c1")))
                .POST(HttpRequest.BodyPublishers.ofString("{"));

        assertError(toy.send(request), 403, "FORBIDDEN", "consumer");
        assertThat(toy.store.realHead()).isEqualTo(head);
    }

    @Test
    void operator_endpoints_need_the_admin_role() {
        String consumer = "Bearer " + TestKeys.token("consumer", Optional.of("c1"));
        for (String path : new String[] {"/api/events", "/api/processors", "/metrics"}) {
            assertError(toy.getWith(path, "Authorization", consumer), 403, "FORBIDDEN", path);
            assertError(toy.getWith(path, "Authorization", "Bearer x.y.z"), 401, "UNAUTHENTICATED", "");
            assertThat(toy.get(path).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void health_needs_no_token() {
        var response = toy.getWith("/health", "Authorization", "Bearer garbage");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Nested
    class Headers {

        @Test
        void every_answer_says_nosniff_and_forbids_framing() {
            for (HttpResponse<String> response :
                    List.of(toy.get("/health"), toy.get("/"), createWith(null), toy.get("/api/nothing"))) {
                assertThat(response.headers().firstValue("X-Content-Type-Options"))
                        .hasValue("nosniff");
                assertThat(response.headers().firstValue("Content-Security-Policy"))
                        .hasValueSatisfying(csp -> assertThat(csp)
                                .contains("frame-ancestors 'none'")
                                .contains("script-src 'self'")
                                .doesNotContain("unsafe-inline"));
            }
        }

        @Test
        void no_cors_header_without_a_configured_origin() {
            var response = toy.getWith("/api/counters", "Origin", "https://evil.example");

            assertThat(response.statusCode()).isEqualTo(200);

            assertThat(response.headers().map().keySet())
                    .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
        }

        @Test
        void cors_answers_only_the_configured_origin() {
            try (ToyServer cors = ToyServer.start(config -> config.corsOrigin("https://orders.example"))) {
                var allowed = cors.getWith("/api/counters", "Origin", "https://orders.example");
                var other = cors.getWith("/api/counters", "Origin", "https://evil.example");

                assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
                        .hasValue("https://orders.example");
                assertThat(other.headers().firstValue("Access-Control-Allow-Origin"))
                        .isEmpty();
            }
        }
    }

    @Nested
    class Rate_limit {

        @Test
        void answers_429_with_retry_after_past_the_limit_per_principal() {
            try (ToyServer limited = ToyServer.start(config -> config.rateLimit(3))) {
                var refused = new ArrayList<HttpResponse<String>>();
                for (int i = 0; i < 20; i++) {
                    HttpResponse<String> response = limited.get("/api/counters");
                    if (response.statusCode() == 429) {
                        refused.add(response);
                    }
                }
                assertThat(refused).isNotEmpty().allSatisfy(response -> {
                    assertError(response, 429, "TOO_MANY_REQUESTS", "admin:");
                    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
                });
                var other = limited.getWith(
                        "/api/counters", "Authorization", "Bearer " + TestKeys.token("consumer", Optional.of("other")));
                assertThat(other.statusCode())
                        .as("another principal has its own budget")
                        .isEqualTo(200);
            }
        }
    }
}
