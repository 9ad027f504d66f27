package dev.cairn.bench.compare;

import dev.cairn.core.store.DuplicateEventIdException;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.WrongExpectedVersionException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Transaction;
import org.rocksdb.TransactionDB;
import org.rocksdb.TransactionDBOptions;
import org.rocksdb.WriteOptions;

/**
 * RocksDB (rocksdbjni) as an event store: a {@code TransactionDB}; an append is one pessimistic
 * transaction that locks and reads the stream's head key, checks the expected version and each
 * event id, and writes the events, the id keys and the new head; commits are synced to the WAL
 * ({@code WriteOptions.setSync(true)}: durable). Concurrent commits share WAL syncs through
 * RocksDB's write groups.
 *
 * <p>Keys: {@code e}+position → event, {@code s}+stream → version, {@code i}+event id → position.
 * Positions come from a counter taken inside the transaction, so two concurrent appends may
 * commit out of position order: a reader tailing the log would need a horizon (as Cairn's stores
 * have); replaying after the writes, as W3 does, is unaffected.
 */
final class RocksEventLog implements PeerEventLog {
    static {
        RocksDB.loadLibrary();
    }

    private final BloomFilter bloom;
    private final BlockBasedTableConfig tableConfig;
    private final Options options;
    private final TransactionDBOptions txOptions;
    private final WriteOptions synced;
    private final TransactionDB db;
    private final AtomicLong lastPosition = new AtomicLong();

    RocksEventLog(Path dir) {
        // Bloom filters, as RocksDB's tuning guide advises for point lookups: every append looks up
        // keys that do not exist yet (each new event id), which without them read SST blocks.
        bloom = new BloomFilter(10, false);
        tableConfig = new BlockBasedTableConfig().setFilterPolicy(bloom);
        options =
                new Options().setCreateIfMissing(true).setIncreaseParallelism(2).setTableFormatConfig(tableConfig);
        txOptions = new TransactionDBOptions();
        synced = new WriteOptions().setSync(true);
        try {
            db = TransactionDB.open(options, txOptions, dir.toString());
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot open RocksDB at " + dir, e);
        }
    }

    @Override
    public long append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        byte[] headKey = key('s', streamId.getBytes(StandardCharsets.UTF_8));
        try (Transaction tx = db.beginTransaction(synced)) {
            try (var readOptions = new org.rocksdb.ReadOptions()) {
                byte[] head = tx.getForUpdate(readOptions, headKey, true);
                long current = head == null
                        ? ExpectedVersion.NO_STREAM_VERSION
                        : ByteBuffer.wrap(head).getLong();
                if (!expected.matches(current)) {
                    tx.rollback();
                    throw new WrongExpectedVersionException(streamId, expected, current);
                }
                long version = current;
                long now = System.currentTimeMillis();
                for (NewEvent e : events) {
                    byte[] idKey = key('i', SqliteEventLog.bytes(e.eventId()));
                    if (tx.getForUpdate(readOptions, idKey, true) != null) {
                        tx.rollback();
                        throw new DuplicateEventIdException(e.eventId(), streamId);
                    }
                    long position = lastPosition.incrementAndGet();
                    byte[] positionBytes = longBytes(position);
                    tx.put(key('e', positionBytes), encode(streamId, ++version, now, e));
                    tx.put(idKey, positionBytes);
                }
                tx.put(headKey, longBytes(version));
                tx.commit();
                return version;
            }
        } catch (RocksDBException e) {
            throw new IllegalStateException("RocksDB append to " + streamId + " failed", e);
        }
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int limit) {
        List<RecordedEvent> events = new ArrayList<>(limit);
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(key('e', longBytes(afterPosition + 1))); it.isValid() && events.size() < limit; it.next()) {
                byte[] k = it.key();
                if (k[0] != 'e') {
                    break;
                }
                events.add(decode(ByteBuffer.wrap(k, 1, 8).getLong(), it.value()));
            }
        }
        return events;
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public void close() {
        db.close();
        synced.close();
        txOptions.close();
        options.close();
        bloom.close();
    }

    private static byte[] encode(String streamId, long version, long recordedAt, NewEvent e) {
        byte[] stream = streamId.getBytes(StandardCharsets.UTF_8);
        byte[] type = e.type().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(2 + stream.length + 8 + 2 + type.length + 8 + 48 + 4 + e.data().length);
        b.putShort((short) stream.length)
                .put(stream)
                .putLong(version)
                .putShort((short) type.length)
                .put(type)
                .putLong(recordedAt);
        uuid(b, e.eventId());
        uuid(b, e.correlationId());
        uuid(b, e.causationId());
        return b.putInt(e.data().length).put(e.data()).array();
    }

    private static RecordedEvent decode(long position, byte[] value) {
        ByteBuffer b = ByteBuffer.wrap(value);
        String stream = string(b);
        long version = b.getLong();
        String type = string(b);
        Instant at = Instant.ofEpochMilli(b.getLong());
        UUID id = new UUID(b.getLong(), b.getLong());
        UUID correlation = new UUID(b.getLong(), b.getLong());
        UUID causation = new UUID(b.getLong(), b.getLong());
        byte[] data = new byte[b.getInt()];
        b.get(data);
        return new RecordedEvent(id, stream, version, position, type, at, correlation, causation, data);
    }

    private static String string(ByteBuffer b) {
        byte[] bytes = new byte[b.getShort()];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void uuid(ByteBuffer b, UUID id) {
        b.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private static byte[] key(char prefix, byte[] rest) {
        byte[] key = new byte[rest.length + 1];
        key[0] = (byte) prefix;
        System.arraycopy(rest, 0, key, 1, rest.length);
        return key;
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }
}
