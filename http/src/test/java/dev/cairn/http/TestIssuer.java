package dev.cairn.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenID Connect provider on the loopback, as much of one as a resource server sees: the
 * discovery document and a JWKS whose keys a test adds and removes, and tokens signed by any of
 * its keys (published or not).
 */
final class TestIssuer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, ECKey> keys = new ConcurrentHashMap<>();
    private final Map<String, ECKey> published = new ConcurrentHashMap<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();

    private TestIssuer(HttpServer server) {
        this.server = server;
        server.createContext(
                "/.well-known/openid-configuration",
                exchange -> answer(exchange, "{\"issuer\":\"" + uri() + "\",\"jwks_uri\":\"" + uri() + "/jwks\"}"));
        server.createContext("/jwks", exchange -> {
            jwksFetches.incrementAndGet();
            answer(
                    exchange,
                    new JWKSet(List.copyOf(published.values())).toPublicJWKSet().toString());
        });
        server.start();
    }

    static TestIssuer start() {
        try {
            return new TestIssuer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Creates a key named {@code kid}; {@code publish} puts it in the JWKS. */
    TestIssuer key(String kid, boolean publish) {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
            keys.put(kid, key);
            if (publish) {
                published.put(kid, key);
            }
            return this;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    TestIssuer publish(String kid) {
        published.put(kid, keys.get(kid));
        return this;
    }

    TestIssuer withdraw(String kid) {
        published.remove(kid);
        return this;
    }

    int jwksFetches() {
        return jwksFetches.get();
    }

    /** A fresh token (its own jti, so no two are alike) signed with {@code kid}, the role and id in the claims named. */
    String token(String kid, String roleClaim, String role, String idClaim, String id) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(uri().toString())
                .subject("user-" + id)
                .claim(roleClaim, role)
                .claim(idClaim, id)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).build(), claims);
            jwt.sign(new ECDSASigner(keys.get(kid)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
