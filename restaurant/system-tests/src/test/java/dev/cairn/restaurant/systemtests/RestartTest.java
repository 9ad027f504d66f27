package dev.cairn.restaurant.systemtests;

import static dev.cairn.restaurant.systemtests.support.RestaurantApi.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.core.store.RecordedEvent;
import dev.cairn.eventstore.file.FileEventStore;
import dev.cairn.http.InstallationKey;
import dev.cairn.restaurant.systemtests.support.Http;
import dev.cairn.restaurant.systemtests.support.OrderSteps;
import dev.cairn.restaurant.systemtests.support.RestaurantApi;
import dev.cairn.restaurant.systemtests.support.RestaurantApi.Event;
import dev.cairn.restaurant.systemtests.support.RestaurantApi.Restaurant;
import dev.cairn.restaurant.systemtests.support.View;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as users run it ({@code cairn run --store file}) in a child JVM, killed with SIGKILL
 * while orders are in flight and started again on the same data directory: every order answered
 * 202 reaches its end state, and every step of every order is in the log exactly once.
 */
class RestartTest {

    static final int ORDERS = 300;
    static final int IN_FLIGHT = 32;
    static final int KILL_AFTER_ACCEPTED = 120;

    @TempDir
    Path data;

    /** Orders the server answered 202, with whether their payment token is the declining one. */
    final Map<String, Boolean> accepted = new ConcurrentHashMap<>();

    @Test
    void every_order_accepted_before_a_sigkill_reaches_its_end_state_exactly_once_after_a_restart() throws Exception {
        Server first = Server.start(data, "first");
        List<CompletableFuture<?>> requests = new ArrayList<>();
        try (Http http = new Http(first.uri(), adminToken(data))) {
            RestaurantApi api = new RestaurantApi(http);
            String ada = api.registerConsumer("Ada");
            Restaurant napoli = api.registerRestaurant("Pizzeria Napoli", item("margherita", "Margherita", 1000));
            api.settle();

            Semaphore slots = new Semaphore(IN_FLIGHT);
            for (int i = 0; i < ORDERS && accepted.size() < KILL_AFTER_ACCEPTED; i++) {
                slots.acquire();
                boolean declined = i % 10 == 9;
                String body = Http.json(RestaurantApi.orderBody(
                        ada,
                        napoli.restaurantId(),
                        declined ? "tok_declined" : "tok_visa",
                        RestaurantApi.line("margherita", 1 + i % 3)));
                var request = http.request("/api/orders")
                        .header("Content-Type", Http.APPLICATION_JSON)
                        .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build();
                requests.add(http.sendAsync(request).whenComplete((reply, failure) -> {
                    slots.release();
                    if (reply != null && reply.status() == 202) {
                        accepted.put(reply.text("orderId"), declined);
                    }
                }));
            }
            assertThat(accepted).as("orders accepted before the kill").hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACCEPTED);
            first.kill();
            // The requests still in flight fail or were answered just before the kill: either is fine.
            CompletableFuture.allOf(
                            requests.stream().map(f -> f.handle((r, e) -> null)).toArray(CompletableFuture[]::new))
                    .get(30, TimeUnit.SECONDS);
        }

        Map<String, Long> atKill = typesInStore(data);
        // The kill must have caught orders half-way: created, not yet approved or rejected.
        assertThat(atKill.getOrDefault("ordering.OrderCreated", 0L))
                .as("events in the log at the kill: %s", atKill)
                .isGreaterThan(atKill.getOrDefault("ordering.OrderApproved", 0L)
                        + atKill.getOrDefault("ordering.OrderRejected", 0L));

        Server second = Server.start(data, "second");
        try (Http http = new Http(second.uri(), adminToken(data))) {
            RestaurantApi api = new RestaurantApi(http);
            for (var order : accepted.entrySet()) {
                View view = api.awaitOrder(
                        order.getKey(),
                        v -> v.state().equals("APPROVED") || v.state().equals("REJECTED"));
                assertThat(view.state())
                        .as("order %s", order.getKey())
                        .isEqualTo(order.getValue() ? "REJECTED" : "APPROVED");
            }
            api.settle();

            Map<String, List<String>> stepsByOrder = api.events().stream()
                    .filter(e ->
                            Set.of("order", "verification", "ticket", "payment").contains(e.category()))
                    .collect(Collectors.groupingBy(
                            Event::orderId, Collectors.mapping(Event::type, Collectors.toList())));
            // Orders in flight at the kill may be in the log without an answer; each of those must be whole too.
            assertThat(stepsByOrder.keySet()).containsAll(accepted.keySet());
            for (var order : stepsByOrder.entrySet()) {
                boolean declined = order.getValue().contains("accounting.PaymentDeclined");
                assertThat(order.getValue())
                        .as("events of order %s", order.getKey())
                        .containsExactlyInAnyOrderElementsOf(declined ? OrderSteps.DECLINED : OrderSteps.APPROVED);
                View view = api.order(order.getKey());
                assertThat(view.status())
                        .as("view of order %s", order.getKey())
                        .isEqualTo(
                                declined
                                        ? new View.Status(
                                                "REJECTED", "PAYMENT_DECLINED", "REJECTED", "DECLINED", null, null)
                                        : new View.Status(
                                                "APPROVED", null, "AWAITING_ACCEPTANCE", "AUTHORIZED", null, null));
            }
            int listed = http.get("/api/orders?limit=100")
                    .expect(200)
                    .json()
                    .get("orders")
                    .size();
            assertThat(listed).isEqualTo(Math.min(100, stepsByOrder.size()));
        } finally {
            second.stop();
        }
    }

    /** How many events of each type the file store holds, read directly while no server runs. */
    static Map<String, Long> typesInStore(Path data) {
        Map<String, Long> types = new TreeMap<>();
        try (FileEventStore store = FileEventStore.open(data.resolve("log"))) {
            long after = 0;
            List<RecordedEvent> page;
            while (!(page = store.readAll(after, 1000)).isEmpty()) {
                page.forEach(e -> types.merge(e.type(), 1L, Long::sum));
                after = page.getLast().position();
            }
        }
        return types;
    }

    /** An admin token of the installation key the server created in its data directory. */
    static String adminToken(Path data) throws IOException {
        return InstallationKey.load(data.resolve(InstallationKey.FILE_IN_DATA))
                .issue("test", "admin", Optional.empty(), Duration.ofHours(1), Instant.now());
    }

    /** {@code dev.cairn.cli.Cairn run --store file} in a JVM of its own, on this test's classpath. */
    record Server(Process process, int port, Path log) {

        /** The command line of {@code cairn run} on {@code data}, listening on {@code port} (0: any free one). */
        static List<String> command(Path data, int port) {
            return List.of(
                    ProcessHandle.current().info().command().orElseThrow(),
                    "-Xmx384m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "dev.cairn.cli.Cairn",
                    "run",
                    "--store",
                    "file",
                    "--data",
                    data.toString(),
                    "--port",
                    Integer.toString(port));
        }

        static Server start(Path data, String name) throws IOException {
            int port = freePort();
            Path log = Path.of("target", "restart-test-" + name + ".log");
            Process process = new ProcessBuilder(command(data, port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Server server = new Server(process, port, log);
            try (Http http = new Http(server.uri(), null)) {
                await("server " + name + " healthy")
                        .atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(50))
                        .ignoreExceptions()
                        .failFast(() -> !process.isAlive())
                        .until(() -> http.get("/health").status() == 200);
            } catch (RuntimeException e) {
                process.destroyForcibly();
                throw new AssertionError("the server did not start; its output:\n" + Files.readString(log), e);
            }
            return server;
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + port);
        }

        /** SIGKILL: no shutdown hook, no checkpoint saved, no file closed. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
