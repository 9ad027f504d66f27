package dev.cairn.restaurant.choreography;

import dev.cairn.core.model.Decider;
import dev.cairn.core.model.Rejection;
import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.ProcessManager;
import dev.cairn.core.processing.Projection;
import dev.cairn.core.processing.Reaction;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.restaurant.accounting.domain.AccountingReactions;
import dev.cairn.restaurant.accounting.domain.PaymentAuthorizationProcess;
import dev.cairn.restaurant.accounting.domain.PaymentCommand;
import dev.cairn.restaurant.accounting.domain.PaymentDecider;
import dev.cairn.restaurant.consumers.domain.ConsumerCommand;
import dev.cairn.restaurant.consumers.domain.ConsumerDecider;
import dev.cairn.restaurant.consumers.domain.VerificationCommand;
import dev.cairn.restaurant.consumers.domain.VerificationDecider;
import dev.cairn.restaurant.consumers.domain.WhenOrderCreatedThenVerifyConsumer;
import dev.cairn.restaurant.contracts.ConsumerEvent;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.Streams;
import dev.cairn.restaurant.contracts.TypeNames;
import dev.cairn.restaurant.delivery.domain.CourierCommand;
import dev.cairn.restaurant.delivery.domain.CourierDecider;
import dev.cairn.restaurant.delivery.domain.CourierDispatchProcess;
import dev.cairn.restaurant.delivery.domain.DeliveryCommand;
import dev.cairn.restaurant.delivery.domain.DeliveryDecider;
import dev.cairn.restaurant.delivery.domain.DeliveryReactions;
import dev.cairn.restaurant.delivery.domain.ReadyForPickupReplica;
import dev.cairn.restaurant.kitchen.domain.KitchenReactions;
import dev.cairn.restaurant.kitchen.domain.TicketCommand;
import dev.cairn.restaurant.kitchen.domain.TicketDecider;
import dev.cairn.restaurant.orderhistory.domain.OrderHistory;
import dev.cairn.restaurant.ordering.domain.MenuReplica;
import dev.cairn.restaurant.ordering.domain.OrderCommand;
import dev.cairn.restaurant.ordering.domain.OrderDecider;
import dev.cairn.restaurant.ordering.domain.OrderingReactions;
import dev.cairn.restaurant.ordering.domain.PreparationReplica;
import dev.cairn.restaurant.restaurants.domain.RestaurantCommand;
import dev.cairn.restaurant.restaurants.domain.RestaurantDecider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The whole restaurant system in one test object, with no store and no threads: an append-only
 * list as the log, every context's deciders, and a processor per reaction group, process manager
 * and read model, each with its own cursor into the log — the shape the real wiring will have.
 * {@link #settle()} runs processors until none has anything left to read.
 *
 * <p>{@link Delivery} chooses how processors meet the log: in declaration order, in reverse
 * (another interleaving of the same log), or with every event delivered twice (at-least-once
 * delivery without the store's event-id deduplication, so the deciders' own idempotence is what
 * is tested).
 */
final class InMemoryRestaurant {

    enum Delivery {
        IN_ORDER,
        REVERSED_PROCESSORS,
        TWICE
    }

    static final Instant T0 = Instant.parse("2030-01-01T12:00:00Z");

    final ConsumerDecider consumers = new ConsumerDecider();
    final MenuReplica menus = new MenuReplica();
    final PreparationReplica preparation = new PreparationReplica();
    final ReadyForPickupReplica readyForPickup = new ReadyForPickupReplica();
    final OrderHistory history = new OrderHistory();
    /** Commands sent by reactions and process managers that a decider refused. */
    final List<Rejection> refusedReactions = new ArrayList<>();

    private final Delivery delivery;
    private final List<RecordedEvent> log = new ArrayList<>();
    private final List<PublishedEvent> events = new ArrayList<>();
    private final Map<String, List<PublishedEvent>> streams = new HashMap<>();
    private final List<Processor> processors = new ArrayList<>();

    InMemoryRestaurant(Delivery delivery) {
        this.delivery = delivery;
        project(menus);
        project(preparation);
        project(readyForPickup);
        project(history);
        react(new WhenOrderCreatedThenVerifyConsumer(id ->
                consumers.fold(this.<ConsumerEvent>stream(Streams.consumer(id))).standing()));
        react(OrderingReactions.all());
        react(KitchenReactions.all());
        react(AccountingReactions.all());
        react(DeliveryReactions.all());
        manage(new PaymentAuthorizationProcess());
        manage(new CourierDispatchProcess());
    }

    /** A command from outside (an HTTP request): a refusal is thrown to the caller. */
    void send(Object command) {
        switch (command) {
            case ConsumerCommand c -> handle(consumers, c.streamId(), c);
            case VerificationCommand c -> handle(new VerificationDecider(), c.streamId(), c);
            case RestaurantCommand c -> handle(new RestaurantDecider(), c.streamId(), c);
            case OrderCommand c -> handle(new OrderDecider(), c.streamId(), c);
            case TicketCommand c -> handle(new TicketDecider(), c.streamId(), c);
            case PaymentCommand c -> handle(new PaymentDecider(), c.streamId(), c);
            case DeliveryCommand c -> handle(new DeliveryDecider(), c.streamId(), c);
            case CourierCommand c -> handle(new CourierDecider(), c.streamId(), c);
            default -> throw new IllegalArgumentException("no decider for " + command);
        }
    }

    /** Runs every processor until all have read the whole log. */
    void settle() {
        boolean progressed = true;
        while (progressed) {
            progressed = false;
            List<Processor> order = new ArrayList<>(processors);
            if (delivery == Delivery.REVERSED_PROCESSORS) {
                Collections.reverse(order);
            }
            for (Processor processor : order) {
                // One event per processor per round: processors interleave as they would on threads.
                if (processor.next < log.size()) {
                    Envelope<PublishedEvent> envelope =
                            new Envelope<>(events.get(processor.next), log.get(processor.next));
                    processor.next++;
                    processor.handler.accept(envelope);
                    if (delivery == Delivery.TWICE) {
                        processor.handler.accept(envelope);
                    }
                    progressed = true;
                }
            }
        }
    }

    /** One stream's events; the caller names the vocabulary its category holds. */
    @SuppressWarnings("unchecked")
    <E extends PublishedEvent> List<E> stream(String streamId) {
        return (List<E>) List.copyOf(streams.getOrDefault(streamId, List.of()));
    }

    List<PublishedEvent> log() {
        return List.copyOf(events);
    }

    /** Feeds the whole log, in order, to a fresh read model: how a view is rebuilt. */
    void replayInto(Projection<PublishedEvent> projection) {
        for (int i = 0; i < log.size(); i++) {
            projection.apply(new Envelope<>(events.get(i), log.get(i)));
        }
    }

    private <C, S, E extends PublishedEvent> void handle(Decider<C, S, E> decider, String streamId, C command) {
        S state = decider.fold(this.<E>stream(streamId));
        for (E event : decider.decide(command, state)) {
            append(streamId, event);
        }
    }

    private void append(String streamId, PublishedEvent event) {
        long position = log.size() + 1;
        UUID id = UUID.nameUUIDFromBytes(("event-" + position).getBytes());
        List<PublishedEvent> stream = streams.computeIfAbsent(streamId, s -> new ArrayList<>());
        @SuppressWarnings("unchecked")
        String type = TypeNames.of((Class<? extends PublishedEvent>) event.getClass());
        log.add(new RecordedEvent(
                id, streamId, stream.size(), position, type, T0.plusSeconds(position), id, id, new byte[0]));
        events.add(event);
        stream.add(event);
    }

    /** A command from a reaction: a refusal is an outcome, recorded, not an error. */
    private void sendFromProcessor(Object command) {
        try {
            send(command);
        } catch (Rejection refused) {
            refusedReactions.add(refused);
        }
    }

    private void project(Projection<PublishedEvent> projection) {
        processors.add(new Processor(projection::apply));
    }

    private <C> void react(Reaction<PublishedEvent, C> reaction) {
        processors.add(new Processor(envelope -> reaction.react(envelope).forEach(this::sendFromProcessor)));
    }

    /** Like core's ProcessManagerHandler: per-instance state, commands on each transition. */
    private <S, C> void manage(ProcessManager<S, PublishedEvent, C> manager) {
        Map<String, S> instances = new HashMap<>();
        processors.add(new Processor(envelope -> manager.instanceOf(envelope.event())
                .ifPresent(instance -> {
                    S before = instances.getOrDefault(instance, manager.initialState());
                    S after = manager.evolve(before, envelope.event());
                    manager.react(before, after, envelope).forEach(this::sendFromProcessor);
                    instances.put(instance, after);
                })));
    }

    private static final class Processor {
        final Consumer<Envelope<PublishedEvent>> handler;
        int next;

        Processor(Consumer<Envelope<PublishedEvent>> handler) {
            this.handler = handler;
        }
    }
}
