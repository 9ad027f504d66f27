package dev.cairn.lab.eventsourced;

import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.command.CommandContext;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.StreamIds;
import dev.cairn.lab.HistoryStep;
import dev.cairn.lab.Message;
import dev.cairn.lab.OrderFacts;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.Streams;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An event-sourced style's stored truth about its orders, read back from the log: each service's
 * state folded from its own streams with its own decider ({@link OrderStates}), an order's state
 * changes with their time and cause (the causing event's type, from the causation id), and its
 * journey as one message per reaction.
 *
 * <p>{@link #facts()} folds the log incrementally: each call reads only what was appended since.
 */
public final class OrderLog {

    /** The caller of the first command of a conversation: nothing in the log caused it. */
    public static final String CLIENT = "client";

    private static final int PAGE = 4_096;
    private static final int MAX_STREAM_EVENTS = 1_000;
    /** The most commands one reaction in these styles sends for one event. */
    private static final int COMMANDS_PER_REACTION = 3;

    private static final EventFilter FACT_STREAMS =
            EventFilter.categories(Streams.ORDER, Streams.TICKET, Streams.PAYMENT);

    private final EventStore store;
    private final EventCodec<PublishedEvent> codec;
    private final Map<String, String> writerByCategory;
    private final Set<String> senders;
    private final Map<String, OrderStates> byOrder = new LinkedHashMap<>();
    private long folded;

    /**
     * @param writerByCategory for every stream category that holds something about an order (keyed by
     *                         the order's id), the service that writes it: {@code order → order},
     *                         {@code ticket → kitchen}, … and a style's message streams
     * @param senders          the names of the processors that send commands in reaction to events: a
     *                         reaction's command id is derived from its sender and its cause
     *                         ({@link CommandContext#reactingTo}), and its events carry that id as
     *                         their causation, so the cause is found by deriving the ids again
     */
    public OrderLog(
            EventStore store,
            EventCodec<PublishedEvent> codec,
            Map<String, String> writerByCategory,
            Set<String> senders) {
        this.store = Objects.requireNonNull(store, "store");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.writerByCategory = Map.copyOf(writerByCategory);
        this.senders = Set.copyOf(senders);
    }

    /** The services' categories of the restaurant: order, verification, ticket, payment. */
    public static Map<String, String> restaurantWriters() {
        return Map.of(
                Streams.ORDER,
                "order",
                Streams.VERIFICATION,
                "consumer",
                Streams.TICKET,
                "kitchen",
                Streams.PAYMENT,
                "accounting");
    }

    /** Every order any service has a stream for, as each service's own streams tell it. */
    public synchronized List<OrderFacts> facts() {
        List<RecordedEvent> page;
        do {
            page = store.readAll(folded, PAGE, FACT_STREAMS);
            for (RecordedEvent recorded : page) {
                String orderId = idOf(recorded.streamId());
                byOrder.computeIfAbsent(orderId, OrderStates::new).apply(decode(recorded), recorded.recordedAt());
                folded = recorded.position();
            }
        } while (page.size() == PAGE);
        return byOrder.values().stream().map(OrderStates::facts).toList();
    }

    /** Every state change of the order's services, in log order, with what caused it and when. */
    public List<HistoryStep> history(String orderId) {
        List<RecordedEvent> records = streamsOf(orderId);
        Map<UUID, RecordedEvent> byId = causes(records);
        OrderStates states = new OrderStates(orderId);
        List<HistoryStep> steps = new ArrayList<>();
        for (RecordedEvent recorded : records) {
            if (codec.knows(recorded.type())) {
                String change = states.describeAfter(decode(recorded), recorded.recordedAt());
                steps.add(new HistoryStep(writerOf(recorded), change, causeOf(recorded, byId), recorded.recordedAt()));
            }
        }
        return steps;
    }

    /**
     * One message per record of the order's streams: from the service whose record caused it to the
     * service that wrote it, named {@code cause → effect}; the first comes from the client.
     */
    public List<Message> journey(String orderId) {
        List<RecordedEvent> records = streamsOf(orderId);
        Map<UUID, RecordedEvent> byId = causes(records);
        List<Message> messages = new ArrayList<>();
        for (RecordedEvent recorded : records) {
            RecordedEvent cause = byId.get(recorded.causationId());
            if (cause != null && cause != recorded) {
                messages.add(new Message(
                        recorded.recordedAt(),
                        writerOf(cause),
                        writerOf(recorded),
                        shortName(cause.type()) + " → " + shortName(recorded.type())));
            } else if (startsConversation(recorded)) {
                messages.add(new Message(
                        recorded.recordedAt(),
                        CLIENT,
                        writerOf(recorded),
                        "POST /api/orders → " + shortName(recorded.type())));
            }
        }
        return messages;
    }

    private List<RecordedEvent> streamsOf(String orderId) {
        List<RecordedEvent> records = new ArrayList<>();
        for (String category : writerByCategory.keySet()) {
            records.addAll(store.readStream(StreamIds.of(category, orderId), 0, MAX_STREAM_EVENTS));
        }
        records.sort(Comparator.comparingLong(RecordedEvent::position));
        return records;
    }

    /**
     * The record each causation id points at: a record's own id (a cause named directly), and the
     * ids of the commands each sender would have sent in reaction to it.
     */
    private Map<UUID, RecordedEvent> causes(List<RecordedEvent> records) {
        Map<UUID, RecordedEvent> byId = new HashMap<>();
        records.forEach(recorded -> byId.put(recorded.eventId(), recorded));
        // After the records' own ids: a command's first event has the command's id as its own.
        for (RecordedEvent recorded : records) {
            for (String sender : senders) {
                for (int index = 0; index < COMMANDS_PER_REACTION; index++) {
                    UUID command = CommandContext.reactingTo(
                                    sender, recorded.eventId(), recorded.correlationId(), index)
                            .commandId();
                    byId.put(command, recorded);
                }
            }
        }
        return byId;
    }

    private static String causeOf(RecordedEvent recorded, Map<UUID, RecordedEvent> byId) {
        RecordedEvent cause = byId.get(recorded.causationId());
        if (cause != null && cause != recorded) {
            return shortName(cause.type());
        }
        return startsConversation(recorded) ? "client request" : null;
    }

    /** A request's first command is its own cause and conversation; a reaction's cause is an event. */
    private static boolean startsConversation(RecordedEvent recorded) {
        return recorded.causationId().equals(recorded.correlationId());
    }

    private String writerOf(RecordedEvent recorded) {
        return writerByCategory.getOrDefault(recorded.category(), recorded.category());
    }

    private PublishedEvent decode(RecordedEvent recorded) {
        return codec.decode(recorded.type(), recorded.data());
    }

    private static String idOf(String streamId) {
        return streamId.substring(streamId.indexOf('-') + 1);
    }

    /** {@code ordering.OrderCreated → OrderCreated}. */
    static String shortName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
