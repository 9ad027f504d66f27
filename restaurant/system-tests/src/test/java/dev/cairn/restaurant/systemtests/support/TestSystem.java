package dev.cairn.restaurant.systemtests.support;

import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.processing.InMemoryCheckpointStore;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.http.InstallationKey;
import dev.cairn.restaurant.app.ContextName;
import dev.cairn.restaurant.app.Infrastructure;
import dev.cairn.restaurant.app.RestaurantSystem;
import dev.cairn.restaurant.app.auth.Roles;
import dev.cairn.restaurant.app.auth.Security;
import dev.cairn.testing.SwitchableStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;

/**
 * The whole restaurant system in this JVM on the in-memory store, served on an ephemeral port.
 * Tests talk to it over HTTP only; the in-process handle is for what no client can do: stop a
 * processor to hold a flow at an intermediate step, or replay processors from zero.
 */
public final class TestSystem implements AutoCloseable {

    private final SwitchableStore store;
    private final RestaurantSystem system;
    private final Http http;
    private final RestaurantApi api;

    private final InstallationKey key;

    private TestSystem(SwitchableStore store, RestaurantSystem system, InstallationKey key) {
        this.store = store;
        this.system = system;
        this.key = key;
        this.http = new Http(system.uri(), token(Roles.ADMIN, null));
        this.api = new RestaurantApi(http);
    }

    public static TestSystem start() {
        SwitchableStore store = new SwitchableStore(new InMemoryEventStore());
        var infra = Infrastructure.of(store, new InMemoryCheckpointStore());
        InstallationKey key = InstallationKey.generate();
        return new TestSystem(
                store,
                RestaurantSystem.start(infra, EnumSet.allOf(ContextName.class), "127.0.0.1", 0, Security.of(key)),
                key);
    }

    /** A token of this system's key for {@code role}, acting for {@code id} (null for the admin). */
    public String token(String role, String id) {
        return key.issue(id == null ? role : id, role, Optional.ofNullable(id), Duration.ofHours(1), Instant.now());
    }

    /** The installation key, to forge tokens with. */
    public InstallationKey key() {
        return key;
    }

    public RestaurantApi api() {
        return api;
    }

    public Http http() {
        return http;
    }

    public URI uri() {
        return system.uri();
    }

    /** The log, which a test may take down and bring back. */
    public SwitchableStore store() {
        return store;
    }

    public RestaurantSystem system() {
        return system;
    }

    public TrackingProcessor processor(String name) {
        return system.processors().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no processor " + name));
    }

    @Override
    public void close() {
        http.close();
        system.close();
        store.close();
    }
}
