package dev.cairn.bench.jmh;

import dev.cairn.core.model.Decider;
import dev.cairn.core.model.Rejection;
import java.util.List;

/** A small order aggregate for command-handling benchmarks: created, then approved once. */
public final class OrderAggregate
        implements Decider<OrderAggregate.Command, OrderAggregate.State, OrderAggregate.Event> {

    public sealed interface Command {
        String orderId();

        record CreateOrder(String orderId, String consumerId, long totalCents) implements Command {}

        record ApproveOrder(String orderId) implements Command {}
    }

    public sealed interface Event {
        record OrderCreated(String orderId, String consumerId, long totalCents) implements Event {}

        record OrderApproved(String orderId) implements Event {}
    }

    public enum Status {
        NONE,
        PENDING,
        APPROVED
    }

    public record State(Status status, long totalCents) {}

    @Override
    public State initialState() {
        return new State(Status.NONE, 0);
    }

    @Override
    public List<Event> decide(Command command, State state) {
        return switch (command) {
            case Command.CreateOrder create -> create(create, state);
            case Command.ApproveOrder approve -> approve(approve, state);
        };
    }

    private static List<Event> create(Command.CreateOrder create, State state) {
        if (state.status() != Status.NONE) {
            throw Rejection.notAllowed("ORDER_EXISTS", "order " + create.orderId() + " exists");
        }
        if (create.totalCents() <= 0) {
            throw Rejection.invalid("TOTAL_NOT_POSITIVE", "totalCents must be positive");
        }
        return List.of(new Event.OrderCreated(create.orderId(), create.consumerId(), create.totalCents()));
    }

    private static List<Event> approve(Command.ApproveOrder approve, State state) {
        return switch (state.status()) {
            case NONE -> throw Rejection.notFound("ORDER_NOT_FOUND", "no order " + approve.orderId());
            case PENDING -> List.of(new Event.OrderApproved(approve.orderId()));
            case APPROVED -> List.of();
        };
    }

    @Override
    public State evolve(State state, Event event) {
        return switch (event) {
            case Event.OrderCreated created -> new State(Status.PENDING, created.totalCents());
            case Event.OrderApproved approved -> new State(Status.APPROVED, state.totalCents());
        };
    }
}
