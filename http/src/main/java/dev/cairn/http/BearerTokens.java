package dev.cairn.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies signed JWT bearer tokens with Nimbus JOSE+JWT: the algorithm is pinned to the key's
 * type (ES256 for an installation key; the RSA and EC families for an OIDC provider), so neither
 * {@code alg: none} nor an HMAC signature made with a public key is ever accepted; then the
 * signature, {@code exp} and {@code nbf} (with {@link #CLOCK_SKEW}), and the issuer.
 *
 * <p>Verifying costs a signature check (~0.1 ms for ES256), so a verified token is remembered by
 * its SHA-256 for at most {@link #CACHE_AT_MOST} and never past its expiry; a refused token is not
 * remembered. The cache holds hashes, never tokens.
 */
public final class BearerTokens implements Authenticator {

    /** How far the clocks of issuer and server may disagree. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(10);

    static final Duration CACHE_AT_MOST = Duration.ofSeconds(60);
    static final Duration KEYS_CACHED_FOR = Duration.ofMinutes(5);
    private static final int CACHE_SIZE = 20_000;
    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String roleClaim;
    private final String idClaim;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(Principal principal, long untilMillis) {}

    private BearerTokens(
            JWKSource<SecurityContext> keys,
            Set<JWSAlgorithm> algorithms,
            String issuer,
            String roleClaim,
            String idClaim) {
        this.roleClaim = requireText(roleClaim, "roleClaim");
        this.idClaim = requireText(idClaim, "idClaim");
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
        var claims = new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(requireText(issuer, "issuer")).build(),
                Set.of("sub", "exp", roleClaim));
        claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** Tokens signed by this installation's key: ES256 only, issuer {@link InstallationKey#issuer()}. */
    public static BearerTokens of(InstallationKey key) {
        return new BearerTokens(
                new ImmutableJWKSet<>(key.publicKeys()), Set.of(JWSAlgorithm.ES256), key.issuer(), "role", "id");
    }

    /**
     * Tokens of an OpenID Connect provider: its JWKS address is read from
     * {@code <issuer>/.well-known/openid-configuration}; its keys are cached (5 min) and fetched
     * again when a token names a key id the cache does not hold (at most once a second).
     *
     * @param roleClaim the claim holding the role, e.g. {@code role}
     * @param idClaim   the claim holding the party the bearer acts for, e.g. {@code id}
     * @throws IOException when the provider's configuration cannot be read or names another issuer
     */
    public static BearerTokens oidc(URI issuer, String roleClaim, String idClaim) throws IOException {
        return oidc(issuer, roleClaim, idClaim, KEYS_CACHED_FOR);
    }

    /** As above, keeping the provider's keys {@code keysFor} (a test's rotation cannot wait five minutes). */
    static BearerTokens oidc(URI issuer, String roleClaim, String idClaim, Duration keysFor) throws IOException {
        URI jwks = discoverJwks(issuer);
        JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(jwks.toURL())
                .cache(keysFor.toMillis(), Duration.ofSeconds(5).toMillis())
                .refreshAheadCache(false)
                .rateLimited(Duration.ofSeconds(1).toMillis())
                .build();
        return new BearerTokens(keys, ASYMMETRIC, issuer.toString(), roleClaim, idClaim);
    }

    private static URI discoverJwks(URI issuer) throws IOException {
        String base = issuer.toString().endsWith("/") ? issuer.toString() : issuer + "/";
        URI configuration = URI.create(base + ".well-known/openid-configuration");
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(configuration)
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IOException(configuration + " answered " + response.statusCode());
            }
            JsonNode document = new ObjectMapper().readTree(response.body());
            String declared = document.path("issuer").asText("");
            if (!declared.equals(issuer.toString())) {
                throw new IOException(configuration + " names the issuer '" + declared + "', not '" + issuer + "'");
            }
            String jwks = document.path("jwks_uri").asText("");
            if (jwks.isEmpty()) {
                throw new IOException(configuration + " has no jwks_uri");
            }
            return URI.create(jwks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + configuration, e);
        }
    }

    @Override
    public Principal authenticate(String token) throws InvalidTokenException {
        Objects.requireNonNull(token, "token");
        String hash = sha256(token);
        long now = System.currentTimeMillis();
        Verified known = verified.get(hash);
        if (known != null && known.untilMillis() > now) {
            return known.principal();
        }
        JWTClaimsSet claims = verify(token);
        Principal principal = principalOf(claims);
        long expiry = claims.getExpirationTime().getTime() + CLOCK_SKEW.toMillis();
        if (verified.size() >= CACHE_SIZE) {
            verified.clear(); // crude but bounded; a flood of distinct valid tokens costs re-verification, never memory
        }
        verified.put(hash, new Verified(principal, Math.min(expiry, now + CACHE_AT_MOST.toMillis())));
        return principal;
    }

    private JWTClaimsSet verify(String token) throws InvalidTokenException {
        try {
            return processor.process(token, null);
        } catch (ParseException e) {
            throw new InvalidTokenException("the bearer token is not a JWT");
        } catch (BadJOSEException | JOSEException e) {
            throw new InvalidTokenException("the bearer token is refused: " + e.getMessage());
        }
    }

    private Principal principalOf(JWTClaimsSet claims) throws InvalidTokenException {
        try {
            String role = claims.getStringClaim(roleClaim);
            String id = claims.getStringClaim(idClaim);
            return new Principal(
                    claims.getSubject(), role, Optional.ofNullable(id).filter(s -> !s.isBlank()));
        } catch (ParseException | IllegalArgumentException e) {
            throw new InvalidTokenException("the bearer token's claims '" + roleClaim + "' and '" + idClaim
                    + "' must be strings, and 'sub' and '" + roleClaim + "' present");
        }
    }

    private static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
