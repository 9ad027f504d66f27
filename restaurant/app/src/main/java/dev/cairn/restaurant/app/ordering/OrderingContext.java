package dev.cairn.restaurant.app.ordering;

import dev.cairn.core.command.CommandHandler;
import dev.cairn.core.hosting.HostedProcessor;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.http.Access;
import dev.cairn.http.CommandReply;
import dev.cairn.http.Routes;
import dev.cairn.restaurant.app.BoundedContext;
import dev.cairn.restaurant.app.Infrastructure;
import dev.cairn.restaurant.app.Slowest;
import dev.cairn.restaurant.app.Wiring;
import dev.cairn.restaurant.app.auth.Roles;
import dev.cairn.restaurant.contracts.OrderEvent;
import dev.cairn.restaurant.contracts.Streams;
import dev.cairn.restaurant.ordering.domain.KnownRestaurant;
import dev.cairn.restaurant.ordering.domain.MenuReplica;
import dev.cairn.restaurant.ordering.domain.Order;
import dev.cairn.restaurant.ordering.domain.OrderCommand;
import dev.cairn.restaurant.ordering.domain.OrderDecider;
import dev.cairn.restaurant.ordering.domain.OrderingReactions;
import dev.cairn.restaurant.ordering.domain.PreparationReplica;
import dev.cairn.restaurant.ordering.domain.RequestedItem;
import java.util.List;
import java.util.Optional;

/**
 * Ordering: places orders against its own menu replica and follows the other contexts' outcomes
 * (verification, payment, kitchen) through its reactions.
 */
public final class OrderingContext implements BoundedContext {

    /** {@code POST /api/orders}. */
    public record PlaceOrderBody(
            String consumerId,
            String restaurantId,
            List<RequestedItem> items,
            String deliveryAddress,
            String paymentToken) {

        /** The command this request asks for, as order {@code orderId}, against the restaurant ordering knows (if any). */
        public OrderCommand.PlaceOrder command(String orderId, Optional<KnownRestaurant> restaurant) {
            return new OrderCommand.PlaceOrder(
                    orderId, consumerId, restaurantId, items, deliveryAddress, paymentToken, restaurant);
        }
    }

    private final Infrastructure infra;
    private final CommandHandler<OrderCommand, Order, OrderEvent> orders;
    private final MenuReplica menus = new MenuReplica();
    private final PreparationReplica preparations = new PreparationReplica();
    private final TrackingProcessor menuProcessor;
    private final TrackingProcessor preparationProcessor;
    private final HostedProcessor reactions;

    public OrderingContext(Infrastructure infra) {
        this.infra = infra;
        this.orders = Wiring.commandHandler(infra, new OrderDecider(), OrderEvent.class, OrderCommand::streamId);
        this.menuProcessor = Wiring.inMemoryView(infra, "ordering.menu-replica", menus);
        this.preparationProcessor = Wiring.inMemoryView(infra, "ordering.preparation-replica", preparations);
        this.reactions = Wiring.reactions(infra, "ordering.reactions", OrderingReactions.all(), orders::handle);
    }

    @Override
    public List<HostedProcessor> processors() {
        return List.of(HostedProcessor.of(menuProcessor), HostedProcessor.of(preparationProcessor), reactions);
    }

    @Override
    public void register(Routes routes) {
        // consistentWith on a command waits until the replicas it consults have caught up.
        routes.commandSide(Slowest.of(menuProcessor, preparationProcessor))
                .command(
                        "/api/orders",
                        Access.roles(Roles.ADMIN, Roles.CONSUMER),
                        PlaceOrderBody.class,
                        (body, call) -> {
                            Roles.requireActingFor(
                                    call.principal(),
                                    Roles.CONSUMER,
                                    body.consumerId(),
                                    "a consumer places orders only for itself",
                                    "consumerId must be");
                            String id = infra.ids().get();
                            var command = body.command(id, menus.find(body.restaurantId()));
                            return CommandReply.accepted("orderId", id, orders.handle(command, call.commandContext()));
                        })
                .command("/api/orders/{orderId}/cancel", Access.roles(Roles.ADMIN, Roles.CONSUMER), call -> {
                    String id = Roles.orderIdOwnedBy(call, Roles.CONSUMER, "order", this::consumerOf);
                    var command = new OrderCommand.CancelOrder(id, preparations.preparationStarted(id));
                    return CommandReply.accepted("orderId", id, orders.handle(command, call.commandContext()));
                });
    }

    /** Who placed the order, as ordering's own stream tells it; null when there is no such order. */
    private String consumerOf(String orderId) {
        return orders.currentState(Streams.order(orderId)) instanceof Order.Placed placed
                ? placed.details().consumerId()
                : null;
    }
}
