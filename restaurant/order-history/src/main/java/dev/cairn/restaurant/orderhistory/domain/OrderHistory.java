package dev.cairn.restaurant.orderhistory.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.Projection;
import dev.cairn.restaurant.contracts.DeliveryEvent;
import dev.cairn.restaurant.contracts.OrderEvent;
import dev.cairn.restaurant.contracts.PaymentEvent;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TicketEvent;
import dev.cairn.restaurant.contracts.Triggered;
import dev.cairn.restaurant.contracts.TypeNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/**
 * The order-history read model, in memory: rows by order id, and per consumer (and overall) the
 * order ids by creation position, so "newest first" is a descending walk from the cursor. One
 * processor applies events ({@link #apply}); any thread may query. It can be rebuilt from the log
 * at any time ({@link #reset}, then replay), and redelivered events change nothing.
 */
public final class OrderHistory implements Projection<PublishedEvent>, Triggered, FindOrder, FindOrdersOfConsumer {

    private final OrderHistoryProjection projection = new OrderHistoryProjection();
    private final Consumer<OrderView> onChange;
    private final Map<String, OrderViewRow> rows = new ConcurrentHashMap<>();
    private final NavigableMap<Long, String> all = new ConcurrentSkipListMap<>();
    private final Map<String, NavigableMap<Long, String>> byConsumer = new ConcurrentHashMap<>();
    private volatile long position;

    public OrderHistory() {
        this(view -> {});
    }

    /** @param onChange told of every view that changed (e.g. to push it to live clients) */
    public OrderHistory(Consumer<OrderView> onChange) {
        this.onChange = Objects.requireNonNull(onChange, "onChange");
    }

    @Override
    public void apply(Envelope<PublishedEvent> event) {
        OrderHistoryProjection.orderIdOf(event.event()).ifPresent(orderId -> {
            Optional<OrderViewRow> before = Optional.ofNullable(rows.get(orderId));
            Optional<OrderViewRow> after =
                    projection.apply(before, event.event(), event.position(), event.recordedAt());
            if (after.isPresent() && !after.equals(before)) {
                store(before, after.get());
            }
        });
        position = Math.max(position, event.position());
    }

    @Override
    public Optional<OrderView> find(String orderId) {
        return Optional.ofNullable(rows.get(orderId)).map(OrderViewRow::view);
    }

    @Override
    public OrderPage find(OrdersOfConsumer query) {
        NavigableMap<Long, String> source = query.consumerId()
                .map(id -> byConsumer.getOrDefault(id, emptyIndex()))
                .orElse(all);
        NavigableMap<Long, String> older = query.after()
                .map(cursor -> source.headMap(cursor.createdPosition(), false))
                .orElse(source);
        List<OrderViewRow> page = new ArrayList<>(query.limit());
        boolean more = false;
        for (String orderId : older.descendingMap().values()) {
            OrderViewRow row = rows.get(orderId);
            if (row != null && query.matches(row.view())) {
                if (page.size() == query.limit()) {
                    more = true;
                    break;
                }
                page.add(row);
            }
        }
        String next = more ? new OrderCursor(page.getLast().createdPosition()).encode() : null;
        return new OrderPage(page.stream().map(OrderViewRow::view).toList(), next);
    }

    /** The log position this read model has processed: the {@code Cairn-Position} it answers with. */
    public long position() {
        return position;
    }

    /**
     * Every row, e.g. for a snapshot. Read {@link #position()} first: rows taken while events are
     * being applied may already hold effects of later events, which is harmless, since replaying
     * an event at or below a row's {@code lastPosition} changes nothing.
     */
    public List<OrderViewRow> rows() {
        return List.copyOf(rows.values());
    }

    /**
     * Replaces the whole read model with rows saved earlier (a snapshot) as of {@code position}:
     * replaying the log after that position brings it up to date. Listeners are not told.
     */
    public void restore(Collection<OrderViewRow> saved, long position) {
        reset();
        for (OrderViewRow row : saved) {
            index(row);
        }
        this.position = position;
    }

    @Override
    public void reset() {
        rows.clear();
        all.clear();
        byConsumer.clear();
        position = 0;
    }

    /** The events of the four vocabularies an order's view is made of; the rest never change it. */
    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        Set<Class<? extends PublishedEvent>> triggers = new HashSet<>();
        triggers.addAll(TypeNames.within(OrderEvent.class).values());
        triggers.addAll(TypeNames.within(TicketEvent.class).values());
        triggers.addAll(TypeNames.within(PaymentEvent.class).values());
        triggers.addAll(TypeNames.within(DeliveryEvent.class).values());
        return Set.copyOf(triggers);
    }

    private void store(Optional<OrderViewRow> before, OrderViewRow row) {
        if (before.isEmpty()) {
            index(row);
        } else {
            rows.put(row.view().orderId(), row);
        }
        if (before.map(OrderViewRow::view).filter(row.view()::equals).isEmpty()) {
            onChange.accept(row.view());
        }
    }

    private void index(OrderViewRow row) {
        rows.put(row.view().orderId(), row);
        all.put(row.createdPosition(), row.view().orderId());
        byConsumer
                .computeIfAbsent(row.view().consumerId(), id -> new ConcurrentSkipListMap<>())
                .put(row.createdPosition(), row.view().orderId());
    }

    private static NavigableMap<Long, String> emptyIndex() {
        return new ConcurrentSkipListMap<>();
    }
}
