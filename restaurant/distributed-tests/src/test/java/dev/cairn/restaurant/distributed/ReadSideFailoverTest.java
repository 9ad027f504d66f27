package dev.cairn.restaurant.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.restaurant.distributed.support.CairnProcess;
import dev.cairn.restaurant.distributed.support.Files;
import dev.cairn.restaurant.distributed.support.Http;
import dev.cairn.restaurant.distributed.support.Restaurant;
import dev.cairn.restaurant.distributed.support.TcpProxy;
import dev.cairn.restaurant.distributed.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Read-side failover with the connection to PostgreSQL really cut: both processes (every command
 * side in one, an order-history replica in the other) reach the database through a TCP proxy that
 * the test stops (every connection closed, new ones refused) and starts again. While it is down the
 * replica keeps answering from its view with {@code Cairn-Stale} growing, commands answer 503, and
 * when it is back everything resumes without a restart. The replica's local snapshot is loaded at
 * start with the log replayed after it, and ignored (the view rebuilt from the log) when it is
 * missing or belongs to another log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReadSideFailoverTest {

    private static final Duration FLOW = Duration.ofSeconds(30);

    private Path temp;
    private TestDatabase database;
    private TcpProxy proxy;
    private CairnProcess commands;
    private CairnProcess history;
    private Restaurant api;
    private String consumerId;
    private Restaurant.Registered bistro;

    @BeforeAll
    void start() {
        temp = Files.createTempDirectory("cairn-failover-");
        database = TestDatabase.create();
        String[] server = TestDatabase.SERVER.split(":");
        proxy = new TcpProxy(server[0], Integer.parseInt(server[1])).start();
        String url = database.url(proxy.hostAndPort());
        commands = CairnProcess.start(
                "failover-commands",
                url,
                "consumers,restaurants,ordering,kitchen,accounting,delivery",
                temp.resolve("commands"));
        history = CairnProcess.start("failover-order-history", url, "order-history", temp.resolve("history"));
        commands.awaitUp();
        history.awaitUp();
        api = new Restaurant(commands.uri());
        consumerId = api.consumer("Ada");
        bistro = api.restaurant("Chez Ada");
    }

    @AfterAll
    void stop() {
        if (commands != null) {
            commands.close();
        }
        if (history != null) {
            history.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (database != null) {
            database.close();
        }
        Files.deleteRecursively(temp);
    }

    /** Waits until the history replica shows every one of {@code orders} approved. */
    private void awaitApprovedInHistory(String... orders) {
        for (String order : orders) {
            Restaurant.awaitView(List.of(history.uri()), order, Map.of("state", "APPROVED"), FLOW);
        }
    }

    @Test
    @Order(1)
    void
            with_the_store_cut_queries_answer_from_the_view_saying_how_stale_commands_answer_503_and_all_resumes_when_it_is_back()
                    throws Exception {
        String before = api.order(consumerId, bistro, "tok_visa").orderId();
        awaitApprovedInHistory(before);
        assertThat(stale(Http.get(history.uri(), "/api/orders/" + before)))
                .as("staleness while connected")
                .isLessThan(2.0);
        assertThat(listeners()).as("LISTEN connections, one per process").isEqualTo(2);

        proxy.stop();
        long cut = System.nanoTime();

        // Queries: the last known state, with a staleness that keeps growing.
        await("the replica reporting the outage in Cairn-Stale")
                .atMost(FLOW)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    var reply = Http.get(history.uri(), "/api/orders/" + before);
                    return reply.status() == 200 && stale(reply) >= 3.0;
                });
        var stillAnswered = Http.get(history.uri(), "/api/orders/" + before).expect(200);
        assertThat(stillAnswered.field("state")).isEqualTo("APPROVED");
        double secondsCut = (System.nanoTime() - cut) / 1e9;
        assertThat(stale(stillAnswered))
                .as("staleness, the store cut %.1f s ago", secondsCut)
                .isBetween(3.0, secondsCut + 1.0);
        var list =
                Http.get(history.uri(), "/api/orders?consumerId=" + consumerId).expect(200);
        assertThat(list.json().get("orders").findValuesAsText("orderId")).contains(before);
        assertThat(stale(list)).isGreaterThanOrEqualTo(3.0);

        // Commands: 503 with a clear message, nothing appended.
        var refused = api.tryOrder(consumerId, bistro, "tok_visa");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.field("error")).isEqualTo("STORE_UNAVAILABLE");
        assertThat(refused.field("message")).contains("event store is unavailable");
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(Http.post(commands.uri(), "/api/consumers", Map.of("name", "Grace"))
                        .status())
                .isEqualTo(503);

        proxy.start();

        // Everything resumes without a restart: commands, the choreography (shared processors took their partitions
        // back), the view.
        await("commands accepted again")
                .atMost(FLOW)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Http.get(commands.uri(), "/health").status() == 200
                        && api.tryOrder(consumerId, bistro, "tok_visa").status() == 202);
        String after = api.order(consumerId, bistro, "tok_visa").orderId();
        Restaurant.awaitView(
                List.of(history.uri()), after, Map.of("state", "APPROVED", "ticketState", "AWAITING_ACCEPTANCE"), FLOW);
        await("the replica fresh again")
                .atMost(FLOW)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> stale(Http.get(history.uri(), "/api/orders/" + after)) < 1.0);
        await("both processes LISTENing again")
                .atMost(FLOW)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> listeners() == 2);
        assertThat(commands.alive() && history.alive())
                .as("neither process restarted")
                .isTrue();
        assertThat(Restaurant.partitionsHeld(commands.uri(), "kitchen.reactions"))
                .hasSize(4);
    }

    @Test
    @Order(2)
    void
            a_restarted_replica_loads_its_snapshot_and_replays_the_log_after_it_and_rebuilds_from_the_log_without_a_usable_one()
                    throws Exception {
        String first = api.order(consumerId, bistro, "tok_visa").orderId();
        awaitApprovedInHistory(first);
        long seen = Long.parseLong(Http.get(history.uri(), "/api/orders/" + first)
                .header("Cairn-Position")
                .orElseThrow());
        Path snapshot = temp.resolve("history").resolve("order-history.snapshot.json");
        await("a snapshot covering position " + seen)
                .atMost(FLOW)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> java.nio.file.Files.exists(snapshot)
                        && readJson(snapshot).get("position").asLong() >= seen);

        // Killed; an order placed meanwhile; restarted: the snapshot, then the log after it.
        history.kill();
        String whileDown = api.order(consumerId, bistro, "tok_visa").orderId();
        history.restart().awaitUp();
        awaitApprovedInHistory(whileDown, first);
        assertThat(lastStart(history)).contains("loaded snapshot").doesNotContain("rebuilding the view from the log");

        // A snapshot of another log (its last event is not in this one) is ignored: rebuilt from the log.
        history.kill();
        ObjectNode foreign = (ObjectNode) readJson(snapshot);
        foreign.put("lastEventId", UUID.randomUUID().toString());
        new ObjectMapper().writeValue(snapshot.toFile(), foreign);
        history.restart().awaitUp();
        awaitApprovedInHistory(whileDown, first);
        assertThat(lastStart(history)).contains("is not of this log").contains("rebuilding the view from the log");

        // No snapshot at all: rebuilt from the log.
        history.kill();
        java.nio.file.Files.delete(snapshot);
        history.restart().awaitUp();
        awaitApprovedInHistory(whileDown, first);
        assertThat(lastStart(history)).contains("no snapshot");
        assertThat(Restaurant.statesOfConsumer(history.uri(), consumerId))
                .as("every order of the consumer")
                .hasSize(ordersPlaced());
    }

    private int ordersPlaced() throws Exception {
        try (var c = database.connect();
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM cairn.events WHERE type = 'ordering.OrderCreated'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Sessions of this database holding the stores' LISTEN connection (they name themselves {@code cairn-listener}). */
    private int listeners() throws Exception {
        try (var c = database.connect();
                var ps = c.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND application_name = 'cairn-listener'")) {
            ps.setString(1, database.name());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static double stale(Http.Reply reply) {
        return Double.parseDouble(
                reply.header("Cairn-Stale").orElseThrow(() -> new AssertionError("no Cairn-Stale on " + reply)));
    }

    private static JsonNode readJson(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    /** The output of the process's latest start. */
    private static String lastStart(CairnProcess process) {
        String output = process.output();
        return output.substring(output.lastIndexOf("---- start "));
    }
}
