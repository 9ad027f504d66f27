package dev.cairn.restaurant.app.kitchen;

import dev.cairn.core.command.CommandHandler;
import dev.cairn.core.hosting.HostedProcessor;
import dev.cairn.http.Access;
import dev.cairn.http.Call;
import dev.cairn.http.CommandReply;
import dev.cairn.http.Routes;
import dev.cairn.restaurant.app.BoundedContext;
import dev.cairn.restaurant.app.Infrastructure;
import dev.cairn.restaurant.app.Wiring;
import dev.cairn.restaurant.app.auth.Roles;
import dev.cairn.restaurant.contracts.Streams;
import dev.cairn.restaurant.contracts.TicketEvent;
import dev.cairn.restaurant.kitchen.domain.KitchenReactions;
import dev.cairn.restaurant.kitchen.domain.Ticket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand;
import dev.cairn.restaurant.kitchen.domain.TicketDecider;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Kitchen: one ticket per order, created and moved on by events, acted on by kitchen staff over HTTP. */
public final class KitchenContext implements BoundedContext {

    /** {@code POST /api/tickets/{orderId}/accept}. */
    public record AcceptBody(Instant readyBy) {}

    /** {@code POST /api/tickets/{orderId}/reject}. */
    public record RejectBody(String reason) {}

    private static final Access STAFF = Access.roles(Roles.ADMIN, Roles.RESTAURANT);

    private final Infrastructure infra;
    private final CommandHandler<TicketCommand, Ticket, TicketEvent> tickets;
    private final HostedProcessor reactions;

    public KitchenContext(Infrastructure infra) {
        this.infra = infra;
        this.tickets = Wiring.commandHandler(infra, new TicketDecider(), TicketEvent.class, TicketCommand::streamId);
        this.reactions = Wiring.reactions(infra, "kitchen.reactions", KitchenReactions.all(), tickets::handle);
    }

    @Override
    public List<HostedProcessor> processors() {
        return List.of(reactions);
    }

    @Override
    public void register(Routes routes) {
        routes.command(
                        "/api/tickets/{orderId}/accept",
                        STAFF,
                        AcceptBody.class,
                        (body, call) -> onTicket(
                                call,
                                id -> new TicketCommand.AcceptTicket(
                                        id, infra.clock().instant(), body.readyBy())))
                .command(
                        "/api/tickets/{orderId}/reject",
                        STAFF,
                        RejectBody.class,
                        (body, call) -> onTicket(call, id -> new TicketCommand.RejectTicket(id, body.reason())))
                .command(
                        "/api/tickets/{orderId}/preparing",
                        STAFF,
                        call -> onTicket(call, TicketCommand.StartPreparation::new))
                .command(
                        "/api/tickets/{orderId}/ready",
                        STAFF,
                        call -> onTicket(call, TicketCommand.MarkReadyForPickup::new));
    }

    /** Sends the command for the ticket the path names, once it is the caller's; accepted, with the order id. */
    private CommandReply onTicket(Call call, Function<String, TicketCommand> command) {
        // a restaurant acts only on its own tickets
        String id = Roles.orderIdOwnedBy(call, Roles.RESTAURANT, "ticket", this::restaurantOf);
        return CommandReply.accepted("orderId", id, tickets.handle(command.apply(id), call.commandContext()));
    }

    /** The restaurant the order's ticket is for, as the kitchen's own stream tells it; null when there is no ticket. */
    private String restaurantOf(String orderId) {
        return tickets.currentState(Streams.ticket(orderId)) instanceof Ticket.Existing ticket
                ? ticket.restaurantId()
                : null;
    }
}
