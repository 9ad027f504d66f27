package dev.cairn.eventstore.postgres;

import static dev.cairn.core.store.ExpectedVersion.any;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.core.store.NewEvent;
import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Competing consumers in real processes: three child JVMs run the same processor; one is killed
 * with SIGKILL while events keep coming; its partitions must move to the others within 10 s, and
 * every event must be processed exactly once (the read model commits with the checkpoint) and in
 * each stream's order.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CompetingConsumersTest {

    private static final int PARTITIONS = 8;
    private static final String PROCESSOR = "kitchen";

    private TestDatabase database;
    private PostgresEventStore store;
    private final List<Process> children = new ArrayList<>();
    private final AtomicInteger appended = new AtomicInteger();

    @BeforeEach
    void open() throws SQLException {
        database = TestDatabase.create();
        store = PostgresEventStore.open(
                database.url(), PostgresOptions.defaults().withPoolSize(3));
        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE processed (seq bigserial PRIMARY KEY, event_id uuid NOT NULL, stream_id text NOT NULL,"
                            + " version bigint NOT NULL, position bigint NOT NULL, partition integer NOT NULL, owner text NOT NULL)");
        }
    }

    @AfterEach
    void close() {
        children.forEach(Process::destroyForcibly);
        if (store != null) {
            store.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void
            a_killed_instance_s_partitions_move_to_the_others_within_ten_seconds_and_every_event_is_processed_once_in_order()
                    throws Exception {
        // given
        appendEvents(1_500);
        for (int i = 0; i < 3; i++) {
            children.add(spawn("consumer-" + i));
        }
        await("every partition owned, shared by the three")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> liveOwners().size() == 3 && ownedPartitions() == PARTITIONS);
        Map<String, Set<Integer>> before = liveOwners();
        AtomicBoolean appending = new AtomicBoolean(true);
        Thread writer = Thread.ofPlatform().start(() -> {
            while (appending.get()) {
                appendEvents(20);
                sleep(20);
            }
        });

        // when
        Process victim = children.getFirst();
        Set<Integer> orphaned = before.get("consumer-0");
        long killedAt = System.nanoTime();
        victim.destroyForcibly();
        victim.waitFor(10, TimeUnit.SECONDS);

        // then
        await("the victim's partitions taken over")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !liveOwners().containsKey("consumer-0") && ownedPartitions() == PARTITIONS);
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
        appending.set(false);
        writer.join();
        int total = appended.get();
        await("every event processed")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> count("SELECT count(*) FROM processed") >= total);
        Thread.sleep(1_000); // room for a duplicate to show up
        assertThat(orphaned).as("the victim owned partitions").isNotEmpty();
        assertThat(count("SELECT count(*) FROM processed"))
                .as("events processed")
                .isEqualTo(total);
        assertThat(count("SELECT count(DISTINCT event_id) FROM processed"))
                .as("distinct events processed")
                .isEqualTo(total);
        assertEachStreamProcessedInOrderByItsPartition();
        System.out.printf(
                "competing consumers: %d events, owners before the kill %s, taken over in %d ms%n",
                total, before, takeover.toMillis());
    }

    private Process spawn(String owner) throws Exception {
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        ProcessBuilder builder = new ProcessBuilder(
                java,
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                CompetingConsumerMain.class.getName(),
                database.url(),
                PROCESSOR,
                Integer.toString(PARTITIONS),
                owner);
        builder.redirectErrorStream(true);
        builder.redirectOutput(new File("target/" + getClass().getSimpleName() + "-" + owner + ".log"));
        return builder.start();
    }

    /** Owners of unexpired leases and their partitions. */
    private Map<String, Set<Integer>> liveOwners() throws SQLException {
        Map<String, Set<Integer>> owners = new HashMap<>();
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT owner, partition FROM " + store.schema() + ".leases"
                        + " WHERE processor = '" + PROCESSOR + "' AND owner IS NOT NULL AND expires_at > now()")) {
            while (rs.next()) {
                owners.computeIfAbsent(rs.getString(1), o -> new TreeSet<>()).add(rs.getInt(2));
            }
        }
        return owners;
    }

    private int ownedPartitions() throws SQLException {
        return liveOwners().values().stream().mapToInt(Set::size).sum();
    }

    private void appendEvents(int count) {
        for (int i = 0; i < count; i++) {
            String stream = "order-" + (appended.get() % 97);
            store.append(stream, any(), List.of(NewEvent.of(UUID.randomUUID(), "kitchen.TicketOpened", new byte[0])));
            appended.incrementAndGet();
        }
    }

    private int count(String sql) throws SQLException {
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void assertEachStreamProcessedInOrderByItsPartition() throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT stream_id, version, partition FROM processed ORDER BY seq")) {
            while (rs.next()) {
                String stream = rs.getString(1);
                long expected = versions.getOrDefault(stream, -1L) + 1;
                assertThat(rs.getLong(2))
                        .as("version of %s processed next", stream)
                        .isEqualTo(expected);
                assertThat(rs.getInt(3)).as("partition of %s", stream).isEqualTo(Partitions.of(stream, PARTITIONS));
                versions.put(stream, expected);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
