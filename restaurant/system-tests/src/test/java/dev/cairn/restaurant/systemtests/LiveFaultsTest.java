package dev.cairn.restaurant.systemtests;

import static dev.cairn.restaurant.systemtests.support.RestaurantApi.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.eventstore.file.FailingDisk;
import dev.cairn.eventstore.file.FileEventStore;
import dev.cairn.eventstore.file.FileStoreOptions;
import dev.cairn.http.InstallationKey;
import dev.cairn.restaurant.app.RestaurantSystem;
import dev.cairn.restaurant.app.auth.Roles;
import dev.cairn.restaurant.systemtests.support.Http;
import dev.cairn.restaurant.systemtests.support.Reply;
import dev.cairn.restaurant.systemtests.support.RestaurantApi;
import dev.cairn.restaurant.systemtests.support.RestaurantApi.Restaurant;
import dev.cairn.restaurant.systemtests.support.TestSystem;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults met by a running restaurant system on the file store, served over HTTP in this JVM (so
 * the test can damage the disk under it and replay processors): a record damaged mid-run, in a
 * segment sealed long ago; write and fsync errors (a fault-injecting channel) that heal.
 */
class LiveFaultsTest {

    @TempDir
    Path tmp;

    /** The restaurant system on a file store in {@code log}, with small segments so that early ones are sealed. */
    record Live(FileEventStore store, RestaurantSystem system, Http http, RestaurantApi api) implements AutoCloseable {
        static Live start(Path log) {
            FileEventStore store =
                    FileEventStore.open(FileStoreOptions.defaults(log).withSegmentSize(32 << 10));
            InstallationKey key = InstallationKey.generate();
            RestaurantSystem system = TestSystem.serve(store, key);
            Http http = new Http(system.uri(), TestSystem.token(key, Roles.ADMIN, null));
            return new Live(store, system, http, new RestaurantApi(http));
        }

        @Override
        public void close() {
            http.close();
            system.close();
            store.close();
        }
    }

    @Test
    void a_record_damaged_mid_run_stops_the_processors_reading_it_and_every_command_and_read_across_it_answers_503()
            throws Exception {
        Path log = tmp.resolve("log");
        try (Live live = Live.start(log)) {
            RestaurantApi api = live.api();
            String ada = api.registerConsumer("Ada");
            Restaurant napoli = api.registerRestaurant("Pizzeria Napoli", item("margherita", "Margherita", 1000));
            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                acknowledged.add(api.approvedOrder(ada, napoli));
            }
            api.settle();
            Path sealed = log.resolve("log-0000000001.seg");
            assertThat(log.resolve("log-0000000002.seg"))
                    .as("segment 1 is sealed")
                    .exists();

            Damaged damaged = damageAnOrderCreatedIn(sealed);

            // reads across the record: 503 naming file and offset, never 500
            Reply across = live.http().get("/api/events?limit=1000&after=" + (damaged.position() - 1));
            assertThat(across.status()).as("%s", across).isEqualTo(503);
            assertThat(across.json().get("error").asText()).isEqualTo("STORE_CORRUPT");
            assertThat(across.json().get("message").asText())
                    .contains(sealed.toString(), "byte offset " + damaged.offset());
            assertThat(live.http()
                            .get("/api/events?limit=10&after=" + damaged.position())
                            .status())
                    .as("reads after the record")
                    .isEqualTo(200);

            // commands: refused from now on, so no order is acknowledged that could not complete
            Reply order =
                    api.tryPlaceOrder(ada, napoli.restaurantId(), "tok_visa", RestaurantApi.line("margherita", 1));
            assertThat(order.status()).as("%s", order).isEqualTo(503);
            assertThat(order.json().get("error").asText()).isEqualTo("STORE_CORRUPT");
            assertThat(order.json().get("message").asText()).contains("cairn repair");
            assertThat(api.cancel(acknowledged.getFirst()).status()).isEqualTo(503);

            // processors that read across it (replaying from the start) stop, with the reason
            for (TrackingProcessor processor : live.system().processors()) {
                processor.reset();
            }
            Set<String> mustStop = Set.of(
                    "order-history.view",
                    "accounting.authorize-payments",
                    "kitchen.reactions",
                    "consumers.verify-orders");
            await("processors reading the damaged OrderCreated stop")
                    .atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(stopped(live.http())).containsAll(mustStop));
            for (JsonNode row : live.http().get("/api/processors").expect(200).json()) {
                if (!row.get("running").asBoolean()) {
                    assertThat(row.get("stoppedBecause").asText()).as("%s", row).contains(sealed.toString(), "corrupt");
                }
            }
            Reply ready = live.http().get("/ready");
            assertThat(ready.status()).isEqualTo(503);
            List<String> reasons = new ArrayList<>();
            ready.json().get("reasons").forEach(reason -> reasons.add(reason.asText()));
            assertThat(reasons)
                    .anySatisfy(reason -> assertThat(reason)
                            .startsWith("the event store takes no appends: the event log is corrupt: " + sealed
                                    + " is corrupt at byte offset")
                            .contains("./cairn repair --data " + log));
            for (String name : mustStop) {
                assertThat(reasons)
                        .anySatisfy(reason -> assertThat(reason)
                                .startsWith("processor " + name + " is stopped: ")
                                .contains(sealed + " is corrupt at byte offset"));
            }
            assertThat(live.http().get("/health").status()).isEqualTo(200);
            assertThat(live.http().get("/api/orders/" + acknowledged.getLast()).status())
                    .as("queries answer from views that are not replaying")
                    .isIn(200, 404);
        }
    }

    @Test
    void after_io_errors_on_write_and_on_fsync_heal_every_acknowledged_order_is_approved() throws Exception {
        Path log = tmp.resolve("log");
        try (FailingDisk disk = new FailingDisk(log);
                Live live = Live.start(log)) {
            RestaurantApi api = live.api();
            String ada = api.registerConsumer("Ada");
            Restaurant napoli = api.registerRestaurant("Pizzeria Napoli", item("margherita", "Margherita", 1000));
            api.settle();
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            List<Reply> refusals = new CopyOnWriteArrayList<>();
            AtomicBoolean placing = new AtomicBoolean(true);
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                clients.add(Thread.ofVirtual().start(() -> {
                    while (placing.get()) {
                        Reply reply = api.tryPlaceOrder(
                                ada, napoli.restaurantId(), "tok_visa", RestaurantApi.line("margherita", 1));
                        if (reply.status() == 202) {
                            acknowledged.add(reply.text("orderId"));
                        } else {
                            refusals.add(reply);
                            sleep(20);
                        }
                    }
                }));
            }

            for (String fault : List.of("write", "fsync")) {
                sleep(700);
                int before = acknowledged.size();
                if (fault.equals("write")) {
                    disk.failWrites("Input/output error");
                } else {
                    disk.failForces("Input/output error");
                }
                await(fault + " fault refuses orders")
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> !refusals.isEmpty());
                assertThat(live.http().get("/ready").status()).isEqualTo(503);
                sleep(1_500);
                disk.heal();
                long healed = System.nanoTime();
                int atHeal = acknowledged.size();
                await("orders acknowledged again after the " + fault + " fault")
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> acknowledged.size() > atHeal);
                System.out.printf(
                        "%s fault: %d orders acknowledged before it, first one after healing in %d ms%n",
                        fault, before, (System.nanoTime() - healed) / 1_000_000);
                for (Reply refusal : refusals) {
                    assertThat(refusal.status()).as("%s", refusal).isEqualTo(503);
                    assertThat(refusal.json().get("error").asText()).isEqualTo("STORE_UNAVAILABLE");
                }
                refusals.clear();
            }
            sleep(700);
            placing.set(false);
            for (Thread client : clients) {
                client.join();
            }

            assertThat(acknowledged).hasSizeGreaterThan(20);
            for (String orderId : acknowledged) {
                assertThat(api.awaitOrder(orderId, v -> !v.state().equals("APPROVAL_PENDING"))
                                .state())
                        .as("order %s", orderId)
                        .isEqualTo("APPROVED");
            }
            api.settle();
            await("ready again")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> live.http().get("/ready").status() == 200);
            long created = api.events().stream()
                    .filter(e -> e.type().equals("ordering.OrderCreated"))
                    .count();
            assertThat(created)
                    .as("OrderCreated events: the acknowledged orders and no other")
                    .isEqualTo(acknowledged.size());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Set<String> stopped(Http http) {
        Set<String> names = new TreeSet<>();
        for (JsonNode row : http.get("/api/processors").expect(200).json()) {
            if (!row.get("running").asBoolean()) {
                names.add(row.get("name").asText());
            }
        }
        return names;
    }

    record Damaged(long offset, long position) {}

    /** Flips a byte in the data of an {@code ordering.OrderCreated} record in the middle of {@code segment}. */
    static Damaged damageAnOrderCreatedIn(Path segment) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(segment)).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> candidates = new ArrayList<>();
        for (int at = 32; at + 4 <= bytes.limit() && bytes.getInt(at) != 0; at += bytes.getInt(at)) {
            if (typeOf(bytes, at).equals("ordering.OrderCreated")) {
                candidates.add(at);
            }
        }
        assertThat(candidates).as("OrderCreated records in %s", segment).hasSizeGreaterThan(2);
        int at = candidates.get(candidates.size() / 2);
        int lastDataByte = at + bytes.getInt(at) - 2;
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(lastDataByte);
            int b = file.read();
            file.seek(lastDataByte);
            file.write(b ^ 0x20);
        }
        return new Damaged(at, bytes.getLong(at + 8));
    }

    /** The record's type name (eventstore-file FORMAT.md: after the fixed header, the ids, the actor and the stream id). */
    private static String typeOf(ByteBuffer bytes, int at) {
        int flags = bytes.get(at + 42);
        int actor = (flags & 4) != 0 ? Byte.toUnsignedInt(bytes.get(at + 43)) : 0;
        int streamLength = Short.toUnsignedInt(bytes.getShort(at + 38));
        int typeLength = Short.toUnsignedInt(bytes.getShort(at + 40));
        int typeAt = at + 48 + 16 + ((flags & 1) != 0 ? 16 : 0) + ((flags & 2) != 0 ? 16 : 0) + actor + streamLength;
        return new String(bytes.array(), typeAt, typeLength, StandardCharsets.UTF_8);
    }
}
