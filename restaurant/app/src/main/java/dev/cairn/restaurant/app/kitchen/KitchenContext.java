package dev.cairn.restaurant.app.kitchen;

import dev.cairn.core.command.CommandHandler;
import dev.cairn.http.CommandReply;
import dev.cairn.http.Routes;
import dev.cairn.restaurant.app.BoundedContext;
import dev.cairn.restaurant.app.ContextName;
import dev.cairn.restaurant.app.HostedProcessor;
import dev.cairn.restaurant.app.Infrastructure;
import dev.cairn.restaurant.app.Narrowed;
import dev.cairn.restaurant.app.Wiring;
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

    private final Infrastructure infra;
    private final CommandHandler<TicketCommand, Ticket, TicketEvent> tickets;
    private final HostedProcessor reactions;

    public KitchenContext(Infrastructure infra) {
        this.infra = infra;
        this.tickets = CommandHandler.of(infra.store(), new TicketDecider(), Narrowed.codec(infra.codec(), TicketEvent.class),
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
        routes.command("/api/tickets/{orderId}/accept", AcceptBody.class, (body, call) -> {
                    String id = call.pathParam("orderId");
                    var command = new TicketCommand.AcceptTicket(id, infra.clock().instant(), body.readyBy());
                    return CommandReply.accepted("orderId", id, tickets.handle(command, call.commandContext()));
                })
                .command("/api/tickets/{orderId}/reject", RejectBody.class, (body, call) -> {
                    String id = call.pathParam("orderId");
                    return CommandReply.accepted("orderId", id, tickets.handle(new TicketCommand.RejectTicket(id, body.reason()), call.commandContext()));
                })
                .command("/api/tickets/{orderId}/preparing", call -> {
                    String id = call.pathParam("orderId");
                    return CommandReply.accepted("orderId", id, tickets.handle(new TicketCommand.StartPreparation(id), call.commandContext()));
                })
                .command("/api/tickets/{orderId}/ready", call -> {
                    String id = call.pathParam("orderId");
                    return CommandReply.accepted("orderId", id, tickets.handle(new TicketCommand.MarkReadyForPickup(id), call.commandContext()));
                });
    }
}
