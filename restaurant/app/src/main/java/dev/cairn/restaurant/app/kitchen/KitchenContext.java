package dev.cairn.restaurant.app.kitchen;

import dev.cairn.core.command.CommandHandler;
import dev.cairn.core.hosting.HostedProcessor;
import dev.cairn.http.Access;
import dev.cairn.http.Call;
import dev.cairn.http.CommandReply;
import dev.cairn.http.Routes;
import dev.cairn.restaurant.app.BoundedContext;
import dev.cairn.restaurant.app.ContextName;
import dev.cairn.restaurant.app.Infrastructure;
import dev.cairn.restaurant.app.Narrowed;
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
        this.tickets = CommandHandler.of(
                infra.store(),
                new TicketDecider(),
                Narrowed.codec(infra.codec(), TicketEvent.class),
                TicketCommand::streamId);
        this.reactions = Wiring.reactions(infra, "kitchen.reactions", KitchenReactions.all(), tickets::handle);
    }

    @Override
    public ContextName name() {
        return ContextName.KITCHEN;
    }

    @Override
    public List<HostedProcessor> processors() {
        return List.of(reactions);
    }

    @Override
    public void register(Routes routes) {
        routes.command("/api/tickets/{orderId}/accept", STAFF, AcceptBody.class, (body, call) -> {
                    String id = ticketOf(call);
                    var command =
                            new TicketCommand.AcceptTicket(id, infra.clock().instant(), body.readyBy());
                    return CommandReply.accepted("orderId", id, tickets.handle(command, call.commandContext()));
                })
                .command("/api/tickets/{orderId}/reject", STAFF, RejectBody.class, (body, call) -> {
                    String id = ticketOf(call);
                    return CommandReply.accepted(
                            "orderId",
                            id,
                            tickets.handle(new TicketCommand.RejectTicket(id, body.reason()), call.commandContext()));
                })
                .command("/api/tickets/{orderId}/preparing", STAFF, call -> {
                    String id = ticketOf(call);
                    return CommandReply.accepted(
                            "orderId",
                            id,
                            tickets.handle(new TicketCommand.StartPreparation(id), call.commandContext()));
                })
                .command("/api/tickets/{orderId}/ready", STAFF, call -> {
                    String id = ticketOf(call);
                    return CommandReply.accepted(
                            "orderId",
                            id,
                            tickets.handle(new TicketCommand.MarkReadyForPickup(id), call.commandContext()));
                });
    }

    /** The ticket the path names, once it is known to be the caller's: a restaurant acts only on its own tickets. */
    private String ticketOf(Call call) {
        String id = call.pathParam("orderId");
        if (!Roles.isAdmin(call.principal())) {
            String owner = tickets.currentState(Streams.ticket(id)) instanceof Ticket.Existing ticket
                    ? ticket.restaurantId()
                    : null;
            Roles.requireOwner(call.principal(), Roles.RESTAURANT, owner, "ticket", id);
        }
        return id;
    }
}
