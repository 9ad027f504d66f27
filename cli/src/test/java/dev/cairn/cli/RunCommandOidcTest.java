package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.cairn.http.InstallationKey;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code cairn run --oidc-issuer URL} wired as the command line wires it: tokens of the provider
 * (its discovery document and JWKS served on the loopback) are accepted, its claim names mapped,
 * and the installation's own tokens no longer are.
 */
class RunCommandOidcTest {

    @TempDir
    Path data;

    HttpServer provider;
    ECKey key;
    RunCommand.Running running;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void provider() throws Exception {
        key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext(
                "/.well-known/openid-configuration",
                exchange ->
                        answer(exchange, "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuer() + "/jwks\"}"));
        provider.createContext(
                "/jwks",
                exchange -> answer(exchange, new JWKSet(key).toPublicJWKSet().toString()));
        provider.start();
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
        provider.stop(0);
        client.close();
    }

    @Test
    void accepts_the_providers_tokens_with_its_claim_names_and_refuses_the_installation_key() throws Exception {
        RunCommand run = new RunCommand();
        new CommandLine(run)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .parseArgs(
                        "--store",
                        "memory",
                        "--port",
                        "0",
                        "--data",
                        data.toString(),
                        "--lab-results",
                        data.resolve("lab").toString(),
                        "--oidc-issuer",
                        issuer(),
                        "--role-claim",
                        "cairn_role",
                        "--id-claim",
                        "party");

        running = run.start();

        assertThat(get("/api/consumers", signed("admin")).statusCode()).isEqualTo(200);
        assertThat(get("/api/consumers", signed("courier")).statusCode())
                .as("the role comes from cairn_role")
                .isEqualTo(403);
        String installationToken = InstallationKey.loadOrCreate(data.resolve(InstallationKey.FILE_IN_DATA))
                .issue("admin", "admin", Optional.empty(), Duration.ofMinutes(5), Instant.now());
        assertThat(get("/api/consumers", installationToken).statusCode()).isEqualTo(401);
    }

    private String issuer() {
        return "http://127.0.0.1:" + provider.getAddress().getPort();
    }

    private String signed(String role) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("someone")
                .claim("cairn_role", role)
                .claim("party", role.equals("admin") ? null : "k-1")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        URI uri = running.system().uri().resolve(path);
        return client.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
