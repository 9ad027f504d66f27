package dev.cairn.restaurant.browser;

import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.processing.InMemoryCheckpointStore;
import dev.cairn.http.InstallationKey;
import dev.cairn.restaurant.app.ContextName;
import dev.cairn.restaurant.app.Infrastructure;
import dev.cairn.restaurant.app.RestaurantSystem;
import dev.cairn.restaurant.app.auth.Security;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;

/** The whole restaurant system in this JVM on the in-memory store, served on an ephemeral port for the page. */
record InProcessSystem(InMemoryEventStore store, RestaurantSystem system, InstallationKey key)
        implements AutoCloseable {

    static InProcessSystem start() {
        InMemoryEventStore store = new InMemoryEventStore();
        InstallationKey key = InstallationKey.generate();
        RestaurantSystem system = RestaurantSystem.start(
                Infrastructure.of(store, new InMemoryCheckpointStore()),
                EnumSet.allOf(ContextName.class),
                "127.0.0.1",
                0,
                Security.of(key));
        return new InProcessSystem(store, system, key);
    }

    /** A fresh admin token of this system's key, valid for an hour. */
    String adminToken() {
        return key.issue("admin", "admin", Optional.empty(), Duration.ofHours(1), Instant.now());
    }

    URI uri() {
        return system.uri();
    }

    /** Closing twice is harmless: a test may stop the server early to see the page go offline. */
    @Override
    public void close() {
        try {
            system.close();
        } finally {
            store.close();
        }
    }
}
