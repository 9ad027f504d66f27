package dev.cairn.eventstore.postgres;

import java.sql.PreparedStatement;
import java.time.Duration;

/**
 * One instance of a competing consumer, run as a child JVM by {@link CompetingConsumersTest}:
 * {@code <jdbc url> <processor> <partitions> <owner>}. Its read model is a table of the events it
 * processed, committed with the partition's checkpoint; it runs until killed.
 */
public final class CompetingConsumerMain {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String processor = args[1];
        int partitions = Integer.parseInt(args[2]);
        String owner = args[3];
        PostgresEventStore store =
                PostgresEventStore.open(url, PostgresOptions.defaults().withPoolSize(4));
        PostgresCheckpointStore checkpoints = PostgresCheckpointStore.of(store);
        PartitionedProcessor consumer = PartitionedProcessor.builder(
                        processor, store, checkpoints, partition -> event -> {
                            Thread.sleep(1); // slow enough that a kill lands mid-work
                            partition.commit(event, c -> {
                                try (PreparedStatement insert = c.prepareStatement(
                                        "INSERT INTO processed"
                                                + " (event_id, stream_id, version, position, partition, owner) VALUES (?, ?, ?, ?, ?, ?)")) {
                                    insert.setObject(1, event.eventId());
                                    insert.setString(2, event.streamId());
                                    insert.setLong(3, event.version());
                                    insert.setLong(4, event.position());
                                    insert.setInt(5, partition.index());
                                    insert.setString(6, owner);
                                    return insert.executeUpdate();
                                }
                            });
                        })
                .partitions(partitions)
                .owner(owner)
                .leases(Duration.ofSeconds(4), Duration.ofSeconds(1))
                .build();
        consumer.start();
        System.out.println("started " + owner);
        Thread.sleep(Long.MAX_VALUE);
    }
}
