package dev.cairn.eventstore.postgres;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.time.Duration;
import java.util.List;

/**
 * The store as one partition's processor sees it: log reads return only that partition's streams
 * (filtered by PostgreSQL), in log order. The head is the whole log's, which keeps the head
 * contract: nothing of this partition will appear at or below it either. It is the head the
 * process already knows ({@link PostgresEventStore#knownHead()}), so the many workers of a
 * process wait on one watcher instead of each querying the head on every round.
 */
final class PartitionView implements EventStore {

    private final PostgresEventStore store;
    private final PartitionKey key;
    private final int partition;
    private final int partitions;

    PartitionView(PostgresEventStore store, PartitionKey key, int partition, int partitions) {
        this.store = store;
        this.key = key;
        this.partition = partition;
        this.partitions = partitions;
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int limit, EventFilter filter) {
        return store.readPartition(afterPosition, limit, filter, key, partition, partitions);
    }

    @Override
    public long headPosition() {
        return store.knownHead();
    }

    @Override
    public boolean awaitHeadAfter(long position, Duration timeout) throws InterruptedException {
        return store.awaitKnownHeadAfter(position, timeout);
    }

    @Override
    public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        return store.append(streamId, expected, events);
    }

    @Override
    public List<RecordedEvent> readStream(String streamId, long fromVersion, int maxCount) {
        return store.readStream(streamId, fromVersion, maxCount);
    }

    @Override
    public long streamVersion(String streamId) {
        return store.streamVersion(streamId);
    }

    /** The view owns nothing: the store stays open. */
    @Override
    public void close() {}
}
