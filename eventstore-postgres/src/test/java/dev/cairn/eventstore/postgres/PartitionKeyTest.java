package dev.cairn.eventstore.postgres;

import static dev.cairn.core.store.ExpectedVersion.any;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.core.processing.EventHandler;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Partitioning by entity: the stored {@code entity_hash} agrees with Java's, the migration fills it
 * for events recorded before it, and a partitioned processor keyed by entity hands every stream of
 * one entity ({@code order-7}, {@code ticket-7}, {@code verification-7}) to the same partition, in
 * log order, even with two instances sharing the partitions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PartitionKeyTest {

    private static final List<String> SAMPLES = List.of(
            "",
            "a",
            "order-42",
            "ticket-3f2c-9a",
            "no_dash",
            "-leading",
            "trailing-",
            "Ünïcødé-名前",
            "emoji-\uD83C\uDF55-pizza",
            "a-b-c-d",
            "x".repeat(255));

    private TestDatabase database;

    @BeforeAll
    void create() {
        database = TestDatabase.create();
    }

    @AfterAll
    void drop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void the_sql_hash_is_java_s_string_hash_code_and_appends_store_both_hashes() throws SQLException {
        try (PostgresEventStore store = PostgresEventStore.open(
                        database.url(), PostgresOptions.defaults().withSchema("hashes"));
                Connection c = database.connect()) {
            for (String sample : SAMPLES) {
                try (PreparedStatement ps = c.prepareStatement("SELECT hashes.java_string_hash(?)")) {
                    ps.setString(1, sample);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertThat(rs.getInt(1)).as("hash of %s", sample).isEqualTo(sample.hashCode());
                    }
                }
            }
            for (String sample : SAMPLES.subList(2, SAMPLES.size())) {
                store.append(sample, any(), List.of(event()));
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT stream_id, stream_hash, entity_hash FROM hashes.events")) {
                int rows = 0;
                while (rs.next()) {
                    String stream = rs.getString(1);
                    assertThat(rs.getInt(2)).as("stream hash of %s", stream).isEqualTo(stream.hashCode());
                    assertThat(rs.getInt(3))
                            .as("entity hash of %s", stream)
                            .isEqualTo(PartitionKey.entityOf(stream).hashCode());
                    rows++;
                }
                assertThat(rows).isEqualTo(SAMPLES.size() - 2);
            }
        }
    }

    @Test
    void the_migration_fills_the_entity_hash_of_events_recorded_before_it() throws SQLException {
        String schema = "premigrated";
        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            // The schema as version 2 left it, with events in it.
            s.execute("CREATE SCHEMA " + schema);
            s.execute("CREATE TABLE " + schema
                    + ".cairn_schema_version (version integer PRIMARY KEY, description text NOT NULL,"
                    + " applied_at timestamptz NOT NULL DEFAULT now())");
            for (int v = 1; v <= 2; v++) {
                String file = Migrations.ALL.get(v - 1);
                try (var in = Migrations.class.getResourceAsStream("migrations/" + file)) {
                    s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${schema}", schema));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                s.execute("INSERT INTO " + schema + ".cairn_schema_version (version, description) VALUES (" + v + ", 'v"
                        + v + "')");
            }
            long position = 65536;
            for (String stream : SAMPLES.subList(2, SAMPLES.size())) {
                try (PreparedStatement ps =
                        c.prepareStatement("INSERT INTO " + schema + ".events (position, stream_id, version, event_id,"
                                + " type, category, stream_hash, recorded_at, correlation_id, causation_id, data)"
                                + " VALUES (?, ?, 0, ?, 't', 'c', ?, now(), ?, ?, ''::bytea)")) {
                    ps.setLong(1, position++);
                    ps.setString(2, stream);
                    ps.setObject(3, UUID.randomUUID());
                    ps.setInt(4, stream.hashCode());
                    ps.setObject(5, UUID.randomUUID());
                    ps.setObject(6, UUID.randomUUID());
                    ps.executeUpdate();
                }
            }
        }
        try (PostgresEventStore store = PostgresEventStore.open(
                        database.url(), PostgresOptions.defaults().withSchema(schema));
                Connection c = database.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT stream_id, entity_hash FROM " + schema + ".events")) {
            int rows = 0;
            while (rs.next()) {
                assertThat(rs.getInt(2))
                        .as("entity hash of %s", rs.getString(1))
                        .isEqualTo(PartitionKey.entityOf(rs.getString(1)).hashCode());
                rows++;
            }
            assertThat(rows).isEqualTo(SAMPLES.size() - 2);
            assertThat(store.readAll(0, 100, dev.cairn.core.store.EventFilter.all()))
                    .hasSize(rows);
        }
    }

    @Test
    void by_entity_every_stream_of_an_entity_is_handled_by_one_partition_in_log_order_across_two_instances()
            throws Exception {
        int partitions = 4;
        try (PostgresEventStore store = PostgresEventStore.open(
                database.url(), PostgresOptions.defaults().withSchema("entities"))) {
            PostgresCheckpointStore checkpoints = PostgresCheckpointStore.of(store);
            List<String> categories = List.of("order", "ticket", "verification", "payment");
            List<String> appendedIds = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (int entity = 0; entity < 40; entity++) {
                    String stream = categories.get((entity + round) % categories.size()) + "-" + entity;
                    var result = store.append(stream, any(), List.of(event()));
                    appendedIds.add(stream + "@" + result.lastPosition());
                }
            }
            Map<Long, Integer> partitionOfPosition = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<RecordedEvent> handled = new ConcurrentLinkedQueue<>();
            List<PartitionedProcessor> instances = new ArrayList<>();
            for (String owner : List.of("first", "second")) {
                instances.add(PartitionedProcessor.workers(
                                "joins",
                                store,
                                checkpoints,
                                (partition, log) -> TrackingProcessor.builder(
                                                partition.checkpointName(), log, new EventHandler() {
                                                    @Override
                                                    public void handle(RecordedEvent event) {
                                                        assertThat(partition.covers(event.streamId()))
                                                                .isTrue();
                                                        partitionOfPosition.put(event.position(), partition.index());
                                                        handled.add(event);
                                                    }

                                                    @Override
                                                    public String partitionKey(RecordedEvent event) {
                                                        return PartitionKey.entityOf(event.streamId());
                                                    }
                                                })
                                        .concurrency(4))
                        .partitions(partitions)
                        .partitionBy(PartitionKey.ENTITY)
                        .owner(owner)
                        .leases(Duration.ofSeconds(4), Duration.ofSeconds(1))
                        .build());
            }
            instances.forEach(PartitionedProcessor::start);
            try {
                await("both instances hold partitions and every event is handled")
                        .atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> instances.stream()
                                        .allMatch(i -> !i.ownedPartitions().isEmpty())
                                && partitionOfPosition.size() == appendedIds.size());
            } finally {
                instances.forEach(PartitionedProcessor::close);
            }
            assertThat(handled).as("each event once").hasSize(appendedIds.size());
            Map<String, Integer> partitionOfEntity = new HashMap<>();
            Map<String, Long> lastPositionOfEntity = new HashMap<>();
            for (RecordedEvent event : handled) {
                String entity = PartitionKey.entityOf(event.streamId());
                assertThat(event.position())
                        .as("%s handled in log order", entity)
                        .isGreaterThan(lastPositionOfEntity.getOrDefault(entity, 0L));
                lastPositionOfEntity.put(entity, event.position());
            }
            List<RecordedEvent> inLogOrder = handled.stream()
                    .sorted(Comparator.comparingLong(RecordedEvent::position))
                    .toList();
            for (RecordedEvent event : inLogOrder) {
                String entity = PartitionKey.entityOf(event.streamId());
                int partition = partitionOfPosition.get(event.position());
                assertThat(partitionOfEntity.computeIfAbsent(entity, e -> partition))
                        .as("partition of every stream of %s", entity)
                        .isEqualTo(partition);
                assertThat(partition).isEqualTo(Partitions.of(PartitionKey.ENTITY, event.streamId(), partitions));
            }
            assertThat(Set.copyOf(partitionOfEntity.values()))
                    .as("entities spread over the partitions")
                    .hasSize(partitions);
        }
    }

    private static NewEvent event() {
        return NewEvent.of(UUID.randomUUID(), "test.Happened", new byte[] {1});
    }
}
