package dev.cairn.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A test double of a style, for testing the lab's runner and reports without databases: one JDK
 * HTTP server that approves every order at once (rejects the unknown consumer and the declined card),
 * refuses with 503 while "the kitchen is down", answers 200 ms late while "accounting is slow", and
 * has no separate order service to crash.
 */
final class FakeStyle extends DescribedStyle {

    FakeStyle() {
        super("fake", "one in-memory map behind a JDK HTTP server (a test double)");
    }

    @Override
    public Optional<String> inapplicable(Fault fault) {
        return fault == Fault.ORDER_CRASH ? Optional.of("the fake has no order service to crash") : Optional.empty();
    }

    @Override
    public StyleRun start(LabEnvironment environment) throws IOException {
        return new Run();
    }

    private static final class Run implements StyleRun {
        private final Map<String, OrderFacts> orders = new ConcurrentHashMap<>();
        private final HttpServer server;
        private final Fixture fixture = new Fixture("c-1", "c-unknown", "r-1", "m-1", 500);
        private volatile boolean kitchenDown;
        private volatile boolean slow;

        Run() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/api/orders", this::place);
            server.start();
        }

        private void place(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (kitchenDown) {
                answer(exchange, 503, "{\"error\":\"KITCHEN_UNAVAILABLE\"}");
                return;
            }
            if (slow) {
                try {
                    Thread.sleep(Fault.ACCOUNTING_DELAY_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String id = UUID.randomUUID().toString();
            Instant now = Instant.now();
            boolean unknown = body.contains(fixture.unknownConsumerId());
            boolean declined = body.contains(Fixture.DECLINED_TOKEN);
            OrderFacts facts = unknown
                    ? new OrderFacts(
                            id,
                            OrderFacts.OrderState.REJECTED,
                            OrderFacts.TicketState.NONE,
                            OrderFacts.PaymentState.NONE,
                            now,
                            now)
                    : declined
                            ? new OrderFacts(
                                    id,
                                    OrderFacts.OrderState.REJECTED,
                                    OrderFacts.TicketState.REJECTED,
                                    OrderFacts.PaymentState.DECLINED,
                                    now,
                                    now)
                            : new OrderFacts(
                                    id,
                                    OrderFacts.OrderState.APPROVED,
                                    OrderFacts.TicketState.CONFIRMED,
                                    OrderFacts.PaymentState.AUTHORIZED,
                                    now,
                                    now);
            orders.put(id, facts);
            answer(exchange, 201, "{\"orderId\":\"" + id + "\"}");
        }

        private static void answer(HttpExchange exchange, int status, String json) throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        @Override
        public URI orderApi() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public Fixture fixture() {
            return fixture;
        }

        @Override
        public void inject(Fault fault) {
            switch (fault) {
                case KITCHEN_DOWN -> kitchenDown = true;
                case ACCOUNTING_SLOW -> slow = true;
                case ORDER_CRASH -> throw new UnsupportedOperationException("not applicable");
            }
        }

        @Override
        public void heal(Fault fault) {
            kitchenDown = false;
            slow = false;
        }

        @Override
        public List<OrderFacts> facts() {
            return new ArrayList<>(orders.values());
        }

        @Override
        public List<HistoryStep> history(String orderId) {
            OrderFacts f = orders.get(orderId);
            return List.of(
                    new HistoryStep("order", "PENDING", "client request", f.createdAt()),
                    new HistoryStep("kitchen", "ticket " + f.ticket(), "order created", f.createdAt()),
                    new HistoryStep("accounting", "payment " + f.payment(), "ticket created", f.createdAt()),
                    new HistoryStep("order", f.order().name(), "payment", f.finalAt()));
        }

        @Override
        public List<Message> journey(String orderId) {
            Instant at = orders.get(orderId).createdAt();
            return List.of(
                    new Message(at, "client", "fake", "POST /api/orders"), new Message(at, "fake", "client", "201"));
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
