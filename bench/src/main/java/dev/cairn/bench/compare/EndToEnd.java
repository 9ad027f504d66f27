package dev.cairn.bench.compare;

import dev.cairn.bench.orders.OrderDriver;
import dev.cairn.core.processing.CheckpointStore;
import dev.cairn.core.store.EventStore;
import dev.cairn.http.InstallationKey;
import dev.cairn.restaurant.app.ContextName;
import dev.cairn.restaurant.app.Infrastructure;
import dev.cairn.restaurant.app.RestaurantSystem;
import dev.cairn.restaurant.app.auth.Roles;
import dev.cairn.restaurant.app.auth.Security;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

/**
 * W4: the restaurant system (all seven contexts, in this process, on an ephemeral port) driven
 * over HTTP by {@link OrderDriver}, as {@code cairn bench orders} drives a running one: orders
 * per second from {@code POST /api/orders} to {@code APPROVED} on the order-history stream.
 * No peer runs the restaurant system, so W4 compares Cairn's stores with each other only.
 */
final class EndToEnd {
    static final String WORKLOAD = "W4";

    private final Scale scale;

    EndToEnd(Scale scale) {
        this.scale = scale;
    }

    Row cairn(String system, EventStore store, CheckpointStore checkpoints, boolean durable, String config) {
        InstallationKey key = InstallationKey.generate();
        String admin = key.issue("bench", Roles.ADMIN, Optional.empty(), Duration.ofHours(24), Instant.now());
        try (RestaurantSystem restaurant = RestaurantSystem.start(
                Infrastructure.of(store, checkpoints),
                EnumSet.allOf(ContextName.class),
                "127.0.0.1",
                0,
                Security.of(key))) {
            OrderDriver.Result r = OrderDriver.run(new OrderDriver.Options(
                    restaurant.uri(),
                    scale.w4Orders(),
                    Scale.W4_CONCURRENCY,
                    0,
                    scale.w4Warmup(),
                    scale.w4Limit(),
                    admin));
            return new Row(
                    WORKLOAD,
                    system,
                    config,
                    durable,
                    r.ordersPerSecond(),
                    "orders/s",
                    r.quantileNanos(0.5) / 1e3,
                    r.quantileNanos(0.99) / 1e3,
                    r.completed(),
                    scale.w4Orders(),
                    r.seconds(),
                    Machine.load1(),
                    null,
                    Map.of("not_approved", r.rejected(), "in_flight", Scale.W4_CONCURRENCY));
        }
    }
}
