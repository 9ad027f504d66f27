package dev.cairn.restaurant.systemtests.support;

import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.processing.InMemoryCheckpointStore;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.store.EventStore;
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
 *
 * @param store the log, which a test may take down and bring back
 * @param key   the installation key, to forge tokens with
 * @param http  a client carrying an admin token
 */
public record TestSystem(
        SwitchableStore store, RestaurantSystem system, InstallationKey key, Http http, RestaurantApi api)
        implements AutoCloseable {

    public static TestSystem start() {
        SwitchableStore store = new SwitchableStore(new InMemoryEventStore());
        InstallationKey key = InstallationKey.generate();
        RestaurantSystem system = serve(store, key);
        Http http = new Http(system.uri(), token(key, Roles.ADMIN, null));
        return new TestSystem(store, system, key, http, new RestaurantApi(http));
    }

    /** Every context on {@code store}, served on an ephemeral loopback port, trusting tokens of {@code key}. */
    public static RestaurantSystem serve(EventStore store, InstallationKey key) {
        return RestaurantSystem.start(
                Infrastructure.of(store, new InMemoryCheckpointStore()),
                EnumSet.allOf(ContextName.class),
                "127.0.0.1",
                0,
                Security.of(key));
    }

    /** A token of this system's key for {@code role}, acting for {@code id} (null for the admin). */
    public String token(String role, String id) {
        return token(key, role, id);
    }

    /** A token of {@code key} for {@code role}, acting for {@code id} (null for the admin). */
    public static String token(InstallationKey key, String role, String id) {
        return key.issue(id == null ? role : id, role, Optional.ofNullable(id), Duration.ofHours(1), Instant.now());
    }

    public URI uri() {
        return system.uri();
    }

    public TrackingProcessor processor(String name) {
        return system.processors().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no processor " + name));
    }

    /** Runs {@code body} with processor {@code name} stopped, as if it had fallen behind, and restarts it whatever happens. */
    public void withProcessorStopped(String name, ThrowingRunnable body) throws Exception {
        TrackingProcessor processor = processor(name);
        processor.stop();
        try {
            body.run();
        } finally {
            processor.start();
        }
    }

    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Override
    public void close() {
        http.close();
        system.close();
        store.close();
    }
}
