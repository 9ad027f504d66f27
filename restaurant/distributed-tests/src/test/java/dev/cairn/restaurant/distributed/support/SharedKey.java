package dev.cairn.restaurant.distributed.support;

import dev.cairn.http.InstallationKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The installation key every process of a deployment shares ({@code --auth-key}), and an admin token it signs. */
public final class SharedKey {

    public static final Path FILE =
            Path.of("target", "distributed", "auth", "installation-key.jwk").toAbsolutePath();
    private static final InstallationKey KEY = load();
    public static final String ADMIN =
            KEY.issue("distributed-tests", "admin", Optional.empty(), Duration.ofHours(2), Instant.now());

    private SharedKey() {}

    private static InstallationKey load() {
        try {
            return InstallationKey.loadOrCreate(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("creating the shared key " + FILE, e);
        }
    }
}
