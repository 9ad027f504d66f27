package dev.cairn.restaurant.app.delivery;

import dev.cairn.core.command.CommandHandler;
import dev.cairn.core.hosting.HostedProcessor;
import dev.cairn.core.hosting.Sharing;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.query.ReadSide;
import dev.cairn.http.Access;
import dev.cairn.http.Call;
import dev.cairn.http.CommandReply;
import dev.cairn.http.Routes;
import dev.cairn.restaurant.app.BoundedContext;
import dev.cairn.restaurant.app.Infrastructure;
import dev.cairn.restaurant.app.Wiring;
import dev.cairn.restaurant.app.auth.Roles;
import dev.cairn.restaurant.contracts.CourierEvent;
import dev.cairn.restaurant.contracts.DeliveryEvent;
import dev.cairn.restaurant.contracts.Streams;
import dev.cairn.restaurant.delivery.domain.Courier;
import dev.cairn.restaurant.delivery.domain.CourierCommand;
import dev.cairn.restaurant.delivery.domain.CourierDecider;
import dev.cairn.restaurant.delivery.domain.CourierDispatchProcess;
import dev.cairn.restaurant.delivery.domain.Delivery;
import dev.cairn.restaurant.delivery.domain.DeliveryCommand;
import dev.cairn.restaurant.delivery.domain.DeliveryDecider;
import dev.cairn.restaurant.delivery.domain.DeliveryReactions;
import dev.cairn.restaurant.delivery.domain.ReadyForPickupReplica;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Delivery: couriers, and one delivery per accepted order, scheduled by the dispatch process. */
public final class DeliveryContext implements BoundedContext {

    /** {@code POST /api/couriers}. */
    public record RegisterCourierBody(String name) {}

    /** {@code POST /api/couriers/{id}/availability}. */
    public record AvailabilityBody(boolean available) {}

    private static final Access COURIERS = Access.roles(Roles.ADMIN, Roles.COURIER);

    private final Infrastructure infra;
    private final CourierDirectory courierDirectory = new CourierDirectory();
    private final TrackingProcessor directoryProcessor;
    private final CommandHandler<CourierCommand, Courier, CourierEvent> couriers;
    private final CommandHandler<DeliveryCommand, Delivery, DeliveryEvent> deliveries;
    private final ReadyForPickupReplica readyTickets = new ReadyForPickupReplica();
    private final TrackingProcessor readyProcessor;
    private final HostedProcessor reactions;
    private final HostedProcessor dispatch;

    public DeliveryContext(Infrastructure infra) {
        this.infra = infra;
        this.couriers =
                Wiring.commandHandler(infra, new CourierDecider(), CourierEvent.class, CourierCommand::streamId);
        this.deliveries =
                Wiring.commandHandler(infra, new DeliveryDecider(), DeliveryEvent.class, DeliveryCommand::streamId);
        this.readyProcessor = Wiring.inMemoryView(infra, "delivery.ready-replica", readyTickets);
        this.directoryProcessor = Wiring.inMemoryView(infra, "delivery.courier-directory", courierDirectory);
        this.reactions = Wiring.reactions(infra, "delivery.reactions", DeliveryReactions.all(), deliveries::handle);
        this.dispatch = Wiring.processManager(
                infra,
                "delivery.dispatch",
                new CourierDispatchProcess(),
                deliveries::handle,
                Sharing.ONE_AT_A_TIME); // a single instance holds every courier and waiting delivery
    }

    @Override
    public List<HostedProcessor> processors() {
        return List.of(HostedProcessor.of(readyProcessor), HostedProcessor.of(directoryProcessor), reactions, dispatch);
    }

    @Override
    public void register(Routes routes) {
        routes.commandSide(readyProcessor)
                .command("/api/couriers", Roles.ADMIN_ONLY, RegisterCourierBody.class, (body, call) -> {
                    String id = infra.ids().get();
                    return CommandReply.created(
                            "courierId",
                            id,
                            couriers.handle(
                                    new CourierCommand.RegisterCourier(id, body.name()), call.commandContext()));
                })
                .command("/api/couriers/{courierId}/availability", COURIERS, AvailabilityBody.class, (body, call) -> {
                    String id = call.pathParam("courierId");
                    Roles.requireActingFor(
                            call.principal(),
                            Roles.COURIER,
                            id,
                            "a courier sets only its own availability",
                            "the path must name");
                    return CommandReply.accepted(
                            "courierId",
                            id,
                            couriers.handle(
                                    new CourierCommand.SetCourierAvailability(id, body.available()),
                                    call.commandContext()));
                })
                .command(
                        "/api/deliveries/{orderId}/pickup",
                        COURIERS,
                        call -> onDelivery(
                                call, id -> new DeliveryCommand.PickUpDelivery(id, readyTickets.readyForPickup(id))))
                .command(
                        "/api/deliveries/{orderId}/deliver",
                        COURIERS,
                        call -> onDelivery(call, DeliveryCommand.CompleteDelivery::new))
                .query(
                        "/api/couriers",
                        Roles.ADMIN_ONLY,
                        new ReadSide<FindCouriers>(courierDirectory, directoryProcessor),
                        (view, call) -> Map.of("couriers", view.all()));
    }

    /** Sends the command for the delivery the path names, once it is the caller's; accepted, with the order id. */
    private CommandReply onDelivery(Call call, Function<String, DeliveryCommand> command) {
        String id = Roles.orderIdOwnedBy(call, Roles.COURIER, "delivery", this::courierOf);
        return CommandReply.accepted("orderId", id, deliveries.handle(command.apply(id), call.commandContext()));
    }

    /** The courier assigned to the order's delivery, as delivery's own stream tells it; null when there is none. */
    private String courierOf(String orderId) {
        return deliveries.currentState(Streams.delivery(orderId)) instanceof Delivery.Existing delivery
                ? delivery.courierId().orElse(null)
                : null;
    }
}
