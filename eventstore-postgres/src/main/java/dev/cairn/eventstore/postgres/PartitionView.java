package dev.cairn.eventstore.postgres;

import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.RecordedEvent;
import java.util.List;

/**
 * The store as one partition's processor sees it: log reads return only that partition's streams
 * (filtered by PostgreSQL), in log order. The head is the whole log's, which keeps the head
 * contract: nothing of this partition will appear at or below it either. It is the head the
 * process already knows, as in {@link TailingView}, so the many workers of a process wait on one
 * watcher instead of each querying the head on every round.
 */
final class PartitionView extends TailingView {

    private final PartitionKey key;
    private final int partition;
    private final int partitions;

    PartitionView(PostgresEventStore store, PartitionKey key, int partition, int partitions) {
        super(store);
        this.key = key;
        this.partition = partition;
        this.partitions = partitions;
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int limit, EventFilter filter) {
        return store.readPartition(afterPosition, limit, filter, key, partition, partitions);
    }
}
