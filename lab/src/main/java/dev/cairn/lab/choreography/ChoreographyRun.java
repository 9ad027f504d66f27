package dev.cairn.lab.choreography;

import dev.cairn.core.hosting.HostedProcessor;
import dev.cairn.core.processing.CheckpointStore;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.store.EventStore;
import dev.cairn.http.InstallationKey;
import dev.cairn.lab.Fault;
import dev.cairn.lab.Fixture;
import dev.cairn.lab.eventsourced.EventSourcedRun;
import dev.cairn.lab.eventsourced.KillableCheckpoints;
import dev.cairn.lab.eventsourced.OrderLog;
import dev.cairn.restaurant.app.ContextName;
import dev.cairn.restaurant.app.Infrastructure;
import dev.cairn.restaurant.app.RestaurantSystem;
import dev.cairn.restaurant.app.auth.Roles;
import dev.cairn.restaurant.app.auth.Security;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The restaurant system as four {@link RestaurantSystem}s on one file store: ordering, kitchen and
 * accounting alone (so each can fail alone), the other contexts together. Each processor has its
 * own name and its own durable checkpoint in the shared checkpoint directory, so the instances
 * share the log and nothing else.
 */
final class ChoreographyRun extends EventSourcedRun {

    /**
     * The restaurant system is secured: the lab signs its own installation key and acts as an admin
     * (who may order for any consumer), as an operator's load test would.
     */
    private static final InstallationKey KEY = InstallationKey.generate();

    private static final Duration CATCH_UP = Duration.ofSeconds(10);

    private final DelayedAppends accountingLog;
    private final OrderLog log;
    private final RestaurantSystem others;
    private final RestaurantSystem accounting;
    private final int orderingPort;
    private final int kitchenPort;
    private RestaurantSystem ordering;
    private KillableCheckpoints orderingCheckpoints;
    private RestaurantSystem kitchen;
    private final String token = KEY.issue("lab", Roles.ADMIN, Optional.empty(), Duration.ofHours(12), Instant.now());

    private ChoreographyRun(Path directory) {
        super(directory);
        this.accountingLog = new DelayedAppends(store);
        this.others = start(
                infrastructure(store, checkpoints),
                EnumSet.of(
                        ContextName.CONSUMERS,
                        ContextName.RESTAURANTS,
                        ContextName.DELIVERY,
                        ContextName.ORDER_HISTORY),
                0);
        this.accounting = start(infrastructure(accountingLog, checkpoints), EnumSet.of(ContextName.ACCOUNTING), 0);
        this.kitchen = start(infrastructure(store, checkpoints), EnumSet.of(ContextName.KITCHEN), 0);
        this.kitchenPort = kitchen.port();
        startOrdering(0);
        this.orderingPort = ordering.port();
        Set<String> senders = instances().stream()
                .flatMap(system -> system.hostedProcessors().stream())
                .map(HostedProcessor::name)
                .collect(Collectors.toSet());
        this.log = new OrderLog(store, codec, OrderLog.restaurantWriters(), senders);
    }

    static ChoreographyRun start(Path directory) throws Exception {
        return ready(new ChoreographyRun(directory));
    }

    @Override
    protected Fixture createFixture() throws IOException, InterruptedException {
        return FixtureRequests.create(others.uri(), token);
    }

    private Infrastructure infrastructure(EventStore events, CheckpointStore processorCheckpoints) {
        return new Infrastructure(
                events,
                processorCheckpoints,
                codec,
                Clock.systemUTC(),
                () -> UUID.randomUUID().toString());
    }

    private static RestaurantSystem start(Infrastructure infra, Set<ContextName> contexts, int port) {
        return RestaurantSystem.start(infra, contexts, HOST, port, Security.of(KEY));
    }

    private void startOrdering(int port) {
        orderingCheckpoints = new KillableCheckpoints(checkpoints);
        ordering = start(infrastructure(store, orderingCheckpoints), EnumSet.of(ContextName.ORDERING), port);
    }

    @Override
    protected void awaitOrderCaughtUp() throws InterruptedException {
        long head = store.headPosition();
        for (TrackingProcessor processor : ordering.processors()) {
            if (!processor.awaitPosition(head, CATCH_UP)) {
                throw new IllegalStateException(
                        processor.name() + " did not reach position " + head + " within " + CATCH_UP);
            }
        }
    }

    @Override
    protected int orderPort() {
        return orderingPort;
    }

    @Override
    public Optional<String> bearerToken() {
        return Optional.of(token);
    }

    @Override
    public synchronized void inject(Fault fault) {
        switch (fault) {
            case KITCHEN_DOWN -> {
                kitchen.close();
                kitchen = null;
            }
            case ACCOUNTING_SLOW -> accountingLog.delay(Duration.ofMillis(Fault.ACCOUNTING_DELAY_MS));
            case ORDER_CRASH -> crashOrdering();
        }
    }

    /**
     * As close to a SIGKILL as one process allows: the checkpoints stop saving first, so the final
     * save of a clean stop is lost; then the HTTP server stops (requests in flight get no answer)
     * and the processors stop; the replicas are dropped with the instance. What differs from a
     * SIGKILL: handlers in flight are interrupted rather than frozen mid-instruction, and the log
     * stays open, since this process owns it.
     */
    private void crashOrdering() {
        orderingCheckpoints.kill();
        ordering.close();
        ordering = null;
    }

    @Override
    public synchronized void heal(Fault fault) throws InterruptedException {
        switch (fault) {
            case KITCHEN_DOWN ->
                kitchen = start(infrastructure(store, checkpoints), EnumSet.of(ContextName.KITCHEN), kitchenPort);
            case ACCOUNTING_SLOW -> accountingLog.delay(Duration.ZERO);
            case ORDER_CRASH -> {
                startOrdering(orderingPort);
                awaitOrderCaughtUp();
            }
        }
    }

    @Override
    protected OrderLog log() {
        return log;
    }

    /** Where the kitchen's HTTP routes are served while it is up. */
    URI kitchenApi() {
        return URI.create("http://" + HOST + ":" + kitchenPort);
    }

    /** The running instances, for tests that check they share nothing but the log. */
    synchronized List<RestaurantSystem> instances() {
        return Stream.of(ordering, kitchen, accounting, others)
                .filter(Objects::nonNull)
                .toList();
    }

    @Override
    protected synchronized void stopServices() {
        List<RuntimeException> failures = new ArrayList<>();
        for (RestaurantSystem system : instances()) {
            try {
                system.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        ordering = null;
        kitchen = null;
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
    }
}
