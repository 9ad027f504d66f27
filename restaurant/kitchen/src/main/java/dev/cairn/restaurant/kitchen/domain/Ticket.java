package dev.cairn.restaurant.kitchen.domain;

import dev.cairn.restaurant.contracts.Require;
import java.time.Instant;
import java.util.Optional;

/** A ticket as its own stream tells it. */
public sealed interface Ticket {

    record NoTicket() implements Ticket {}

    /** @param readyBy the promised time, once accepted */
    record Existing(String restaurantId, TicketStatus status, Optional<Instant> readyBy) implements Ticket {
        public Existing {
            Require.present("restaurantId", restaurantId);
            Require.present("status", status);
            Require.present("readyBy", readyBy);
        }

        Existing in(TicketStatus newStatus) {
            return new Existing(restaurantId, newStatus, readyBy);
        }

        Existing acceptedFor(Instant promised) {
            return new Existing(restaurantId, TicketStatus.ACCEPTED, Optional.of(promised));
        }
    }
}
