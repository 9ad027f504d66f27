package dev.cairn.restaurant.kitchen.domain;

import dev.cairn.restaurant.contracts.OrderLine;
import dev.cairn.restaurant.contracts.TicketEvent.TicketAccepted;
import dev.cairn.restaurant.contracts.TicketEvent.TicketConfirmed;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCreated;
import dev.cairn.restaurant.contracts.TicketEvent.TicketPickedUp;
import dev.cairn.restaurant.contracts.TicketEvent.TicketPreparationStarted;
import dev.cairn.restaurant.contracts.TicketEvent.TicketReadyForPickup;
import dev.cairn.restaurant.contracts.TicketEvent.TicketRejected;
import java.time.Instant;
import java.util.List;

/** Ticket o1 of restaurant r1 as the kitchen's tests build it: the events of its life, in order. */
final class Tickets {

    static final List<OrderLine> LINES = List.of(new OrderLine("m1", "Soup", 2, 450));
    static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    static final Instant READY_BY = NOW.plusSeconds(1200);

    static final TicketCreated CREATED = new TicketCreated("o1", "r1", LINES);
    static final TicketConfirmed CONFIRMED = new TicketConfirmed("o1");
    static final TicketAccepted ACCEPTED = new TicketAccepted("o1", "r1", NOW, READY_BY);
    static final TicketPreparationStarted PREPARING = new TicketPreparationStarted("o1");
    static final TicketReadyForPickup READY = new TicketReadyForPickup("o1");
    static final TicketPickedUp PICKED_UP = new TicketPickedUp("o1");
    static final TicketRejected REJECTED = new TicketRejected("o1", "out of soup");

    private Tickets() {}

    /** The status of a ticket that exists; most checks need no more of its state. */
    static TicketStatus statusOf(Ticket ticket) {
        return ((Ticket.Existing) ticket).status();
    }
}
