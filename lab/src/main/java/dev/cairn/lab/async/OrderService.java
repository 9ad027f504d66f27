package dev.cairn.lab.async;

import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.command.CommandContext;
import dev.cairn.core.command.CommandHandler;
import dev.cairn.core.command.CommandResult;
import dev.cairn.core.command.CommandSender;
import dev.cairn.core.processing.CheckpointStore;
import dev.cairn.core.processing.InMemoryCheckpointStore;
import dev.cairn.core.processing.Processors;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import dev.cairn.http.Access;
import dev.cairn.http.BearerTokens;
import dev.cairn.http.CairnServer;
import dev.cairn.http.CommandReply;
import dev.cairn.http.InstallationKey;
import dev.cairn.lab.eventsourced.KillableCheckpoints;
import dev.cairn.restaurant.app.Narrowed;
import dev.cairn.restaurant.app.ordering.OrderingContext.PlaceOrderBody;
import dev.cairn.restaurant.contracts.Menu;
import dev.cairn.restaurant.contracts.MenuItem;
import dev.cairn.restaurant.contracts.OrderEvent;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.RestaurantEvent;
import dev.cairn.restaurant.ordering.domain.MenuReplica;
import dev.cairn.restaurant.ordering.domain.Order;
import dev.cairn.restaurant.ordering.domain.OrderCommand;
import dev.cairn.restaurant.ordering.domain.OrderDecider;
import dev.cairn.restaurant.restaurants.domain.Restaurant;
import dev.cairn.restaurant.restaurants.domain.RestaurantCommand;
import dev.cairn.restaurant.restaurants.domain.RestaurantDecider;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The order service: takes {@code POST /api/orders} (answering 202 once OrderCreated is appended),
 * keeps the restaurants and its menu replica, and runs the {@link CreateOrderSaga} that drives
 * every order to its end by messages. One instance is one life of the service: a crash ends it,
 * a restart is a new instance that rebuilds its replica and its sagas from the log.
 */
final class OrderService {

    static final String SAGA = "order.create-order-saga";
    private static final int SAGA_LANES = 32;

    private final EventStore store;
    private final KillableCheckpoints checkpoints;
    private final CommandHandler<OrderCommand, Order, OrderEvent> orders;
    private final CommandHandler<RestaurantCommand, Restaurant, RestaurantEvent> restaurants;
    private final MenuReplica menus = new MenuReplica();
    private final TrackingProcessor menuProcessor;
    private final TrackingProcessor saga;
    private final CairnServer server;

    private OrderService(
            EventStore store,
            CheckpointStore durable,
            EventCodec<PublishedEvent> codec,
            Outbox outbox,
            String host,
            int port) {
        this.store = store;
        this.checkpoints = new KillableCheckpoints(durable);
        this.orders = CommandHandler.of(
                store, new OrderDecider(), Narrowed.codec(codec, OrderEvent.class), OrderCommand::streamId);
        this.restaurants = CommandHandler.of(
                store,
                new RestaurantDecider(),
                Narrowed.codec(codec, RestaurantEvent.class),
                RestaurantCommand::streamId);
        this.menuProcessor = Processors.projection("order.menu-replica", store, codec, menus)
                .filter(EventFilter.ofTypes(menus.triggerTypeNames()))
                .checkpoints(new InMemoryCheckpointStore())
                .build();
        CommandSender<SagaStep> steps = (step, context) -> switch (step) {
            case SagaStep.Send send -> outbox.send(send.message(), context);
            case SagaStep.Conclude conclude -> orders.handle(conclude.command(), context);
        };
        this.saga = Processors.processManager(SAGA, store, codec, new CreateOrderSaga(), steps)
                .filter(EventFilter.ofTypes(CreateOrderSaga.TRIGGERS))
                .checkpoints(checkpoints)
                .concurrency(SAGA_LANES)
                .build();
        // The lab's own order service trusts the loopback like the other styles' services: no route needs a token.
        this.server = CairnServer.create(config -> config.host(host)
                .port(port)
                .eventStore(store)
                .authenticator(BearerTokens.of(InstallationKey.generate()))
                .processors(List.of(menuProcessor, saga))
                .context(routes -> routes.commandSide(menuProcessor)
                        .command("/api/orders", Access.anyone(), PlaceOrderBody.class, (body, call) -> {
                            String id = UUID.randomUUID().toString();
                            var command = body.command(id, menus.find(body.restaurantId()));
                            return CommandReply.accepted("orderId", id, orders.handle(command, call.commandContext()));
                        })));
    }

    /** @param port 0 picks a free one; a restart passes the port of the life before */
    static OrderService start(
            EventStore store,
            CheckpointStore checkpoints,
            EventCodec<PublishedEvent> codec,
            Outbox outbox,
            String host,
            int port) {
        OrderService service = new OrderService(store, checkpoints, codec, outbox, host, port);
        service.server.start();
        service.menuProcessor.start();
        service.saga.start();
        return service;
    }

    int port() {
        return server.port();
    }

    /** Registers a restaurant with a menu through the service's own command; answers its id. */
    String registerRestaurant(String name, MenuItem item) {
        String id = UUID.randomUUID().toString();
        CommandResult result = restaurants.handle(
                new RestaurantCommand.RegisterRestaurant(id, name, new Menu(List.of(item))),
                CommandContext.startingWith(UUID.randomUUID()));
        if (!result.accepted()) {
            throw new IllegalStateException("registering restaurant " + name + ": " + result);
        }
        return id;
    }

    /** Waits until the menu replica and the saga have read the log up to its head now. */
    void awaitCaughtUp(Duration timeout) throws InterruptedException {
        long head = store.headPosition();
        for (TrackingProcessor processor : List.of(menuProcessor, saga)) {
            if (!processor.awaitPosition(head, timeout)) {
                throw new IllegalStateException(
                        processor.name() + " did not reach position " + head + " within " + timeout);
            }
        }
    }

    /**
     * Dies as a killed process would, as far as one process allows: its checkpoints stop saving
     * first (the final save of a clean stop is lost), its HTTP server stops (requests in flight get
     * no answer), its processors stop, and its replica and saga states go with this instance.
     */
    void crash() {
        checkpoints.kill();
        stop();
    }

    /** Stops cleanly: the server, then the processors, each saving its checkpoint. */
    void stop() {
        server.stop();
        saga.stop();
        menuProcessor.stop();
    }
}
