package dev.cairn.restaurant.app.orderhistory;

import dev.cairn.core.hosting.HostedProcessor;
import dev.cairn.core.processing.InMemoryCheckpointStore;
import dev.cairn.core.processing.Processors;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.query.ReadSide;
import dev.cairn.core.store.EventFilter;
import dev.cairn.http.Access;
import dev.cairn.http.HttpProblem;
import dev.cairn.http.Principal;
import dev.cairn.http.Routes;
import dev.cairn.restaurant.app.BoundedContext;
import dev.cairn.restaurant.app.Infrastructure;
import dev.cairn.restaurant.app.auth.Roles;
import dev.cairn.restaurant.orderhistory.domain.FindOrder;
import dev.cairn.restaurant.orderhistory.domain.FindOrdersOfConsumer;
import dev.cairn.restaurant.orderhistory.domain.OrderHistory;
import dev.cairn.restaurant.orderhistory.domain.OrderView;
import dev.cairn.restaurant.orderhistory.domain.OrdersOfConsumer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.SubmissionPublisher;

/**
 * Order history: the query side. One in-memory view of every order, shaped for its two questions
 * (by id; a consumer's orders newest first, filtered and paged), rebuilt from the log on start (or
 * loaded from a local snapshot, the log replayed after it), and every change pushed to
 * {@code /api/stream}. While the event store is unreachable it keeps answering from what it has,
 * with {@code Cairn-Stale} saying how long ago it last knew it had everything.
 */
public final class OrderHistoryContext implements BoundedContext, AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OrderHistoryContext.class);

    /**
     * Room for bursts: the view must never wait for listeners, and the http module cuts off a
     * client that falls too far behind, so this buffer only has to cover a burst, not a slow client.
     */
    private static final int CHANGE_BUFFER = 1 << 16;

    static final String VIEW = "order-history.view";

    private final SubmissionPublisher<OrderView> changes =
            new SubmissionPublisher<>(ForkJoinPool.commonPool(), CHANGE_BUFFER);
    private final OrderHistory history = new OrderHistory(this::publish);
    private final ViewFreshness freshness;
    private final TrackingProcessor view;
    private final SnapshottedView hosted;

    /**
     * Builds the view: from the local snapshot when the infrastructure names a snapshot directory
     * and it holds one of this log (the log is replayed after it), else from the log.
     */
    public OrderHistoryContext(Infrastructure infra) {
        ViewSnapshots snapshots = infra.snapshots() == null
                ? null
                : new ViewSnapshots(infra.snapshots().resolve("order-history.snapshot.json"));
        Optional<ViewSnapshots.Snapshot> loaded = snapshots == null ? Optional.empty() : snapshots.load(infra.store());
        LastApplied applied = new LastApplied(history);
        loaded.ifPresent(snapshot -> {
            history.restore(snapshot.rows(), snapshot.position());
            applied.restore(snapshot.lastEventPosition(), snapshot.lastEventId());
        });
        this.freshness = new ViewFreshness(
                infra.store(),
                infra.clock(),
                loaded.map(ViewSnapshots.Snapshot::completeAt).orElse(Instant.EPOCH));
        InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
        checkpoints.save(VIEW, loaded.map(ViewSnapshots.Snapshot::position).orElse(0L));
        this.view = Processors.projection(VIEW, freshness, infra.codec(), applied)
                .filter(EventFilter.ofTypes(history.triggerTypeNames()))
                .checkpoints(checkpoints)
                .batchSize(2_000)
                .build();
        this.hosted = new SnapshottedView(view, snapshots, () -> snapshotOf(applied, infra));
    }

    /** The view as it is now, or empty when it has applied nothing yet. Position first: see {@link OrderHistory#rows()}. */
    private Optional<ViewSnapshots.Snapshot> snapshotOf(LastApplied applied, Infrastructure infra) {
        long position = view.position();
        Instant completeAt = freshness.completeAt();
        LastApplied.Event last = applied.last();
        if (last == null) {
            return Optional.empty();
        }
        return Optional.of(new ViewSnapshots.Snapshot(
                ViewSnapshots.FORMAT,
                position,
                last.position(),
                last.eventId(),
                completeAt,
                infra.clock().instant(),
                history.rows()));
    }

    private void publish(OrderView changed) {
        // Nobody listening costs nothing; a slow listener is the http module's problem, never the view's.
        if (changes.hasSubscribers()) {
            changes.offer(changed, (subscriber, dropped) -> {
                LOG.warn(
                        "/api/stream fell {} changes behind; a change of order {} was not streamed",
                        CHANGE_BUFFER,
                        ((OrderView) dropped).orderId());
                return false;
            });
        }
    }

    @Override
    public List<HostedProcessor> processors() {
        return List.of(hosted);
    }

    /** The view's question by id, for in-process readers (tests, the simulation); it cannot change the view. */
    public ReadSide<FindOrder> orders() {
        return new ReadSide<>(history, view);
    }

    @Override
    public void register(Routes routes) {
        var byId = new ReadSide<FindOrder>(history, view);
        var ofConsumer = new ReadSide<FindOrdersOfConsumer>(history, view);
        // Queries keep answering from the view while the store is unreachable, saying how stale it may be.
        routes
                .staleness(freshness)
                .query("/api/orders/{orderId}", Access.anyRole(), byId, (orders, call) -> {
                    String id = call.pathParam("orderId");
                    return orders.find(id).filter(view -> sees(call.principal(), view));
                })
                .query("/api/orders", Access.anyRole(), ofConsumer, (orders, call) -> {
                    var query = OrdersOfConsumer.parse(
                            call.queryParam("consumerId").orElse(null),
                            call.queryParam("state").orElse(null),
                            call.queryParam("q").orElse(null),
                            call.queryParam("limit").orElse(null),
                            call.queryParam("cursor").orElse(null));
                    var page = orders.find(narrowedTo(call.principal(), query));
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("orders", page.orders());
                    body.put("nextCursor", page.nextCursor());
                    return body;
                })
                .stream(changes, OrderHistoryContext::sees);
    }

    /** Who sees an order: the admin, its consumer, its restaurant, and the courier delivering it. */
    static boolean sees(Principal principal, OrderView view) {
        return switch (principal.role()) {
            case Roles.ADMIN -> true;
            case Roles.CONSUMER -> principal.is(Roles.CONSUMER, view.consumerId());
            case Roles.RESTAURANT -> principal.is(Roles.RESTAURANT, view.restaurantId());
            case Roles.COURIER -> view.courierId() != null && principal.is(Roles.COURIER, view.courierId());
            default -> false;
        };
    }

    /** The question as the caller may ask it: a party's lists hold its own orders only; asking for another consumer's is 403. */
    private static OrdersOfConsumer narrowedTo(Principal principal, OrdersOfConsumer query) {
        if (!Roles.isAdmin(principal) && principal.id().isEmpty()) {
            throw HttpProblem.forbidden(
                    "a " + principal.role() + "'s token must name the party it acts for (claim id)");
        }
        String id = principal.id().orElse("");
        return switch (principal.role()) {
            case Roles.ADMIN -> query;
            case Roles.CONSUMER -> {
                if (query.consumerId().filter(asked -> !asked.equals(id)).isPresent()) {
                    throw HttpProblem.forbidden(
                            "a consumer lists only its own orders: consumerId must be " + id + " or absent");
                }
                yield query.ofConsumer(id);
            }
            case Roles.RESTAURANT -> query.ofRestaurant(id);
            case Roles.COURIER -> query.ofCourier(id);
            default -> throw HttpProblem.forbidden("the role '" + principal.role() + "' may not list orders");
        };
    }

    @Override
    public void close() {
        changes.close();
    }
}
