package dev.cairn.restaurant.systemtests;

import static dev.cairn.restaurant.systemtests.support.RestaurantApi.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.cli.Cairn;
import dev.cairn.restaurant.systemtests.RestartTest.Server;
import dev.cairn.restaurant.systemtests.support.Http;
import dev.cairn.restaurant.systemtests.support.Reply;
import dev.cairn.restaurant.systemtests.support.RestaurantApi;
import dev.cairn.restaurant.systemtests.support.RestaurantApi.Restaurant;
import dev.cairn.testing.SmallTmpfs;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faults operators meet, against {@code cairn run} in a JVM of its own: a full disk (a real
 * tmpfs) heals without a restart and every acknowledged order completes; a damaged record makes
 * the server refuse to start; inspection reads a running server's log and changes no byte.
 */
class FaultsTest {
    static final int IN_FLIGHT = 16;

    @TempDir
    Path tmp;

    /** Ada and Pizzeria Napoli (one margherita) registered on a running server, to fill its log with orders. */
    record AdaAtNapoli(RestaurantApi api, String ada, Restaurant napoli) {

        static AdaAtNapoli registeredOn(Http http) {
            RestaurantApi api = new RestaurantApi(http);
            return new AdaAtNapoli(
                    api,
                    api.registerConsumer("Ada"),
                    api.registerRestaurant("Pizzeria Napoli", item("margherita", "Margherita", 1000)));
        }

        /** Places an order and waits until it is approved. */
        String approvedOrder() {
            return api.approvedOrder(ada, napoli);
        }

        /** Places {@code count} orders one after the other, each awaited until approved. */
        void approvedOrders(int count) {
            for (int i = 0; i < count; i++) {
                approvedOrder();
            }
        }
    }

    @Test
    void
            on_a_full_disk_orders_answer_503_with_the_cause_and_after_space_returns_they_flow_again_and_every_acknowledged_one_is_approved()
                    throws Exception {
        try (SmallTmpfs tmpfs = SmallTmpfs.mount(tmp.resolve("disk"), 64)) {
            Path disk = tmpfs.dir();
            Path data = disk.resolve("data");
            Path ballast = disk.resolve("ballast");
            Server server = Server.start(data, "disk-full");
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            try (Http http = new Http(server.uri(), RestartTest.adminToken(data))) {
                RestaurantApi api = new RestaurantApi(http);
                String ada = api.registerConsumer("Ada");
                Restaurant napoli = api.registerRestaurant("Pizzeria Napoli", item("margherita", "Margherita", 1000));
                api.settle();
                fill(ballast, Files.getFileStore(disk).getUsableSpace() - (3 << 20));

                Reply refused = placeUntilRefused(http, ada, napoli, accepted);
                assertThat(refused.status()).as("%s", refused).isEqualTo(503);
                assertThat(refused.json().get("error").asText()).isEqualTo("STORE_UNAVAILABLE");
                assertThat(refused.json().get("message").asText()).contains("disk full in " + data.resolve("log"));
                assertThat(refused.header("Retry-After")).contains("1");
                assertThat(http.get("/ready").status()).isEqualTo(503);
                assertThat(http.get("/health").status()).isEqualTo(200);
                assertThat(http.get("/api/events?limit=5").status()).isEqualTo(200);

                Files.delete(ballast);
                long freed = System.nanoTime();
                await("an order accepted after space returned")
                        .atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> place(http, ada, napoli).status() == 202);
                System.out.printf(
                        "first order accepted %d ms after the space returned%n",
                        (System.nanoTime() - freed) / 1_000_000);
                accepted.add(api.placeOrder(ada, napoli).orderId());

                for (String orderId : accepted) {
                    assertThat(api.awaitOrder(orderId, v -> !v.state().equals("APPROVAL_PENDING"))
                                    .state())
                            .as("order %s", orderId)
                            .isEqualTo("APPROVED");
                }
                await("ready again")
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> http.get("/ready").status() == 200);
            } finally {
                server.stop();
            }
            assertThat(Files.readString(server.log()))
                    .as("refused requests are not logged one by one")
                    .doesNotContain("event store unavailable:");
        }
    }

    @Test
    void a_damaged_record_mid_log_makes_run_refuse_to_start_naming_file_offset_and_next_step() throws Exception {
        Path data = tmp.resolve("data");
        Server server = Server.start(data, "before-damage");
        try (Http http = new Http(server.uri(), RestartTest.adminToken(data))) {
            AdaAtNapoli.registeredOn(http).approvedOrders(40);
        } finally {
            server.stop();
        }
        Path segment = data.resolve("log").resolve("log-0000000001.seg");
        long dataEnd = dataEnd(segment);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(dataEnd / 2);
            file.write(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
        }

        Path output = tmp.resolve("refused.log");
        Process run = new ProcessBuilder(Server.command(data, 0))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("run exits").isTrue();
        String said = Files.readString(output);
        assertThat(run.exitValue()).as(said).isEqualTo(3);
        assertThat(said)
                .contains(
                        "refusing to start",
                        "file:   " + segment,
                        "offset: ",
                        "Next step: ./cairn repair --data " + data);

        assertThat(Cairn.run("repair", "--data", data.toString())).isEqualTo(1);
    }

    @Test
    void events_and_verify_read_a_running_servers_log_and_change_no_byte() throws Exception {
        Path data = tmp.resolve("data");
        Server server = Server.start(data, "inspected");
        try (Http http = new Http(server.uri(), RestartTest.adminToken(data))) {
            AdaAtNapoli orders = AdaAtNapoli.registeredOn(http);
            orders.approvedOrders(10);
            assertThat(Cairn.run("events", "--data", data.toString(), "--limit", "5"))
                    .isEqualTo(0);
            assertThat(Cairn.run("verify", "--data", data.toString())).isEqualTo(0);
            assertThat(orders.approvedOrder()).isNotBlank(); // the server is undisturbed
        } finally {
            server.stop();
        }
        Map<String, String> before = checksums(data);
        assertThat(Cairn.run("events", "--data", data.toString(), "--limit", "100000"))
                .isEqualTo(0);
        assertThat(Cairn.run("verify", "--data", data.toString())).isEqualTo(0);
        assertThat(checksums(data)).isEqualTo(before);
    }

    private static Reply place(Http http, String consumer, Restaurant restaurant) {
        return http.post(
                "/api/orders",
                RestaurantApi.orderBody(
                        consumer, restaurant.restaurantId(), "tok_visa", RestaurantApi.line("margherita", 1)));
    }

    /** Places orders {@link #IN_FLIGHT} at a time until one is refused; returns the refusal. */
    private static Reply placeUntilRefused(Http http, String consumer, Restaurant restaurant, Set<String> accepted)
            throws Exception {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        CompletableFuture<Reply> refusal = new CompletableFuture<>();
        AtomicInteger placed = new AtomicInteger();
        String body = Http.json(RestaurantApi.orderBody(
                consumer, restaurant.restaurantId(), "tok_visa", RestaurantApi.line("margherita", 1)));
        while (!refusal.isDone() && placed.incrementAndGet() < 200_000) {
            if (!slots.tryAcquire(1, TimeUnit.SECONDS)) {
                continue;
            }
            var request = http.request("/api/orders")
                    .header("Content-Type", Http.APPLICATION_JSON)
                    .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            http.sendAsync(request).whenComplete((reply, failure) -> {
                slots.release();
                if (reply != null && reply.status() == 202) {
                    accepted.add(reply.text("orderId"));
                } else if (reply != null) {
                    refusal.complete(reply);
                }
            });
        }
        slots.acquire(IN_FLIGHT); // every request answered, so every 202 is counted
        return refusal.get(1, TimeUnit.SECONDS);
    }

    private static void fill(Path file, long bytes) throws IOException {
        byte[] chunk = new byte[1 << 20];
        try (var out = Files.newOutputStream(file)) {
            for (long written = 0; written + chunk.length <= bytes; written += chunk.length) {
                out.write(chunk);
            }
        }
    }

    private static long dataEnd(Path segment) throws IOException {
        var bytes = ByteBuffer.wrap(Files.readAllBytes(segment)).order(ByteOrder.LITTLE_ENDIAN);
        int at = 32;
        while (at + 4 <= bytes.limit() && bytes.getInt(at) != 0) {
            at += bytes.getInt(at);
        }
        return at;
    }

    static Map<String, String> checksums(Path dir) throws Exception {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                sums.put(
                        dir.relativize(file).toString(),
                        HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        }
        return sums;
    }
}
