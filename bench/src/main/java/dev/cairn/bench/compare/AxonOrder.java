package dev.cairn.bench.compare;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cairn.bench.jmh.OrderAggregate;
import dev.cairn.bench.jmh.OrderAggregate.Command;
import dev.cairn.bench.jmh.OrderAggregate.Event;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * The W1 order as an annotated Axon aggregate. It asks Cairn's decider for its decisions and
 * evolution, so both frameworks enforce exactly the same rules on the same commands and events.
 */
final class AxonOrder {
    private static final OrderAggregate RULES = new OrderAggregate();

    @AggregateIdentifier
    private String orderId;

    private OrderAggregate.State state = RULES.initialState();

    AxonOrder() {
        // for Axon, which creates an empty instance before sourcing it from events
    }

    @CommandHandler
    AxonOrder(Command.CreateOrder create) {
        decide(create);
    }

    @CommandHandler
    void handle(Command.ApproveOrder approve) {
        decide(approve);
    }

    private void decide(Command command) {
        for (Event event : RULES.decide(command, state)) {
            apply(event);
        }
    }

    @EventSourcingHandler
    void on(Event.OrderCreated created) {
        orderId = created.orderId();
        state = RULES.evolve(state, created);
    }

    @EventSourcingHandler
    void on(Event.OrderApproved approved) {
        state = RULES.evolve(state, approved);
    }
}
