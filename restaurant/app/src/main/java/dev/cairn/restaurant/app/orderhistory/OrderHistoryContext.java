package dev.cairn.restaurant.app.orderhistory;

import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.query.ReadSide;
import dev.cairn.http.Routes;
import dev.cairn.restaurant.app.BoundedContext;
import dev.cairn.restaurant.app.ContextName;
import dev.cairn.restaurant.app.Infrastructure;
import dev.cairn.restaurant.app.Wiring;
import dev.cairn.restaurant.orderhistory.domain.FindOrder;
import dev.cairn.restaurant.orderhistory.domain.FindOrdersOfConsumer;
import dev.cairn.restaurant.orderhistory.domain.OrderHistory;
import dev.cairn.restaurant.orderhistory.domain.OrderView;
import dev.cairn.restaurant.orderhistory.domain.OrdersOfConsumer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.SubmissionPublisher;

/**
 * Order history: the query side. One in-memory view of every order, shaped for its two questions
 * (by id; a consumer's orders newest first, filtered and paged), rebuilt from the log on start,
 * and every change pushed to {@code /api/stream}.
 */
public final class OrderHistoryContext implements BoundedContext, AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OrderHistoryContext.class);

    /**
     * Room for bursts: the view must never wait for listeners, and the http module cuts off a
     * client that falls too far behind, so this buffer only has to cover a burst, not a slow client.
     */
    private static final int CHANGE_BUFFER = 1 << 16;

    private final SubmissionPublisher<OrderView> changes =
            new SubmissionPublisher<>(java.util.concurrent.ForkJoinPool.commonPool(), CHANGE_BUFFER);
    private final OrderHistory history = new OrderHistory(this::publish);
    private final TrackingProcessor view;

    public OrderHistoryContext(Infrastructure infra) {
        this.view = Wiring.inMemoryView(infra, "order-history.view", history);
    }

    private void publish(OrderView changed) {
        // Nobody listening costs nothing; a slow listener is the http module's problem, never the view's.
        if (changes.hasSubscribers()) {
            changes.offer(changed, (subscriber, dropped) -> {
                LOG.warn("/api/stream fell {} changes behind; a change of order {} was not streamed", CHANGE_BUFFER,
                        ((OrderView) dropped).orderId());
                return false;
            });
        }
    }

    @Override
    public ContextName name() {
        return ContextName.ORDER_HISTORY;
    }

    @Override
    public List<TrackingProcessor> processors() {
        return List.of(view);
    }

    /** The view's question by id, for in-process readers (tests, the simulation); it cannot change the view. */
    public ReadSide<FindOrder> orders() {
        return new ReadSide<>(history, view);
    }

    @Override
    public void register(Routes routes) {
        var byId = new ReadSide<FindOrder>(history, view);
        var ofConsumer = new ReadSide<FindOrdersOfConsumer>(history, view);
        routes.query("/api/orders/{orderId}", byId, (orders, call) -> orders.find(call.pathParam("orderId")))
                .query("/api/orders", ofConsumer, (orders, call) -> {
                    var query = OrdersOfConsumer.parse(call.queryParam("consumerId").orElse(null), call.queryParam("state").orElse(null),
                            call.queryParam("q").orElse(null), call.queryParam("limit").orElse(null), call.queryParam("cursor").orElse(null));
                    var page = orders.find(query);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("orders", page.orders());
                    body.put("nextCursor", page.nextCursor());
                    return body;
                })
                .stream(changes);
    }

    @Override
    public void close() {
        changes.close();
    }
}
