package dev.cairn.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An installation's own ES256 key pair: it signs the tokens {@code ./cairn token} and
 * {@code POST /api/tokens} hand out, and {@link BearerTokens#of(InstallationKey)} verifies them.
 * Kept as a private JWK in a file only its owner may read (mode 0600), created on first use.
 *
 * <pre>{@code
 * InstallationKey key = InstallationKey.loadOrCreate(Path.of("cairn-data/auth/installation-key.jwk"));
 * String token = key.issue("admin", "admin", Optional.empty(), Duration.ofHours(8), Instant.now());
 * }</pre>
 */
public final class InstallationKey {

    /** Where an installation keeps its key, under its data directory. */
    public static final String FILE_IN_DATA = "auth/installation-key.jwk";

    private final ECKey key;
    private final ECDSASigner signer;

    private InstallationKey(ECKey key) {
        if (!key.isPrivate()) {
            throw new IllegalArgumentException("an installation key must hold its private part");
        }
        this.key = key;
        try {
            this.signer = new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the installation key cannot sign: " + e.getMessage(), e);
        }
    }

    /** A fresh key held only in memory (tests, throw-away servers). */
    public static InstallationKey generate() {
        try {
            return new InstallationKey(new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("the JDK cannot generate a P-256 key", e);
        }
    }

    /**
     * Reads the key in {@code file}, creating it first (mode 0600, its directory 0700) when it does
     * not exist. Several processes may race to create it: exactly one file wins and all read it.
     *
     * @throws IOException when the file cannot be read, written, or holds no private EC key
     */
    public static InstallationKey loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        return load(file);
    }

    /** Reads the key in {@code file}. @throws IOException when it is missing or not a private EC JWK */
    public static InstallationKey load(Path file) throws IOException {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return new InstallationKey(ECKey.parse(json));
        } catch (ParseException | IllegalArgumentException e) {
            throw new IOException(file + " does not hold a private EC key as a JWK: " + e.getMessage());
        }
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.exists(dir)) {
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Path temporary = dir.resolve(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temporary, generate().key.toJSONString(), StandardCharsets.UTF_8);
            Files.createLink(file, temporary); // fails if another process got there first; then its key is the key
        } catch (FileAlreadyExistsException lostTheRace) {
            // read below, like everyone else
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The {@code iss} of this key's tokens: names the installation by its key's thumbprint. */
    public String issuer() {
        return "urn:cairn:" + key.getKeyID();
    }

    /** The public half, as a JWK set (what an OIDC provider would publish). */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    ECKey publicKey() {
        return key.toPublicJWK();
    }

    /**
     * Signs a token: {@code iss}, {@code sub}, {@code iat}, {@code exp}, {@code role} and, for a
     * party, {@code id}.
     */
    public String issue(String subject, String role, Optional<String> id, Duration ttl, Instant now) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(id, "id");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a token's time to live must be positive, was " + ttl);
        }
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("role", role)
                .jwtID(UUID.randomUUID().toString());
        id.ifPresent(value -> claims.claim("id", value));
        return sign(claims.build());
    }

    /** Signs any claims with this key (tests forge tokens with it). */
    String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a token failed", e);
        }
        return jwt.serialize();
    }

    @Override
    public String toString() {
        return "InstallationKey[" + key.getKeyID() + "]"; // never the private part
    }
}
