package dev.cairn.eventstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.Subscription;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Requirement 6 under stress, on the real database: writers commit out of xid order (random delays
 * inside their transactions, some long), some roll back, some lose version races, while readers
 * tail the log. Every reader must see exactly the committed events, each once, all in one order,
 * with each stream's versions ascending, and never a rolled-back one.
 *
 * <p>Writers use explicit transactions around the store's own append statement
 * ({@link Appender#insert}), exactly as {@link PostgresEventStore#append} runs it, so that they can
 * sleep before committing and roll back.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class OrderingStressTest {

    private static final int WRITERS = 16;
    private static final int READERS = 4;
    private static final int TARGET_EVENTS = 100_000;
    private static final int STREAMS = 300;

    private static TestDatabase database;
    private static PostgresEventStore store;

    private final Set<UUID> committed = ConcurrentHashMap.newKeySet();
    private final Set<UUID> rolledBack = ConcurrentHashMap.newKeySet();
    private final AtomicInteger committedCount = new AtomicInteger();
    private final AtomicInteger rollbacks = new AtomicInteger();
    private final AtomicInteger lostRaces = new AtomicInteger();
    private final AtomicInteger outOfOrderRefusals = new AtomicInteger();

    @BeforeAll
    static void open() {
        database = TestDatabase.create();
        store = PostgresEventStore.open(
                database.url(), PostgresOptions.defaults().withPoolSize(READERS + 2));
    }

    @AfterAll
    static void drop() {
        if (store != null) {
            store.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void tailing_readers_see_every_committed_event_once_in_one_order_and_never_a_rolled_back_one() throws Exception {
        // given
        List<List<RecordedEvent>> seen = new ArrayList<>();
        List<Subscription> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            List<RecordedEvent> events = Collections.synchronizedList(new ArrayList<>());
            seen.add(events);
            readers.add(store.subscribe(0, EventFilter.all(), events::add));
        }

        // when
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                running.add(writers.submit(() -> {
                    writeUntilTarget();
                    return null;
                }));
            }
            for (Future<?> writer : running) {
                writer.get(150, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }

        // then
        int total = committed.size();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> seen.stream().allMatch(events -> events.size() >= total));
        Thread.sleep(500); // room for a duplicate or a late rolled-back event to show up
        readers.forEach(Subscription::close);
        for (Subscription reader : readers) {
            assertThat(reader.failure()).as("reader failure").isNull();
        }
        assertThat(total).isGreaterThanOrEqualTo(TARGET_EVENTS);
        assertThat(rollbacks.get()).as("rolled-back transactions").isPositive();
        List<UUID> order = ids(seen.getFirst());
        assertThat(order)
                .as("reader 0 saw every committed event once")
                .hasSize(total)
                .doesNotHaveDuplicates();
        assertThat(new HashSet<>(order)).isEqualTo(committed);
        assertThat(order).as("no rolled-back event").doesNotContainAnyElementsOf(rolledBack);
        for (int r = 1; r < READERS; r++) {
            assertThat(ids(seen.get(r))).as("reader %d's order", r).isEqualTo(order);
        }
        assertPositionsIncreaseAndStreamsAscend(seen.getFirst());
        System.out.printf(
                "stress: %d committed events, %d rolled-back transactions, %d lost version races, %d refused out of order%n",
                total, rollbacks.get(), lostRaces.get(), outOfOrderRefusals.get());
    }

    private void writeUntilTarget() throws SQLException, InterruptedException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (committedCount.get() < TARGET_EVENTS) {
                runOneTransaction(connection, random);
            }
        }
    }

    /** One transaction of one or two appends, a random pause before commit, sometimes a rollback. */
    private void runOneTransaction(Connection connection, ThreadLocalRandom random)
            throws SQLException, InterruptedException {
        List<NewEvent> first = batch(random);
        List<NewEvent> second = random.nextInt(5) == 0 ? batch(random) : List.of();
        long lastPosition;
        try {
            Appender.Attempt a = store.appender().insert(connection, stream(random), ExpectedVersion.any(), first, 0);
            lastPosition = a.lastPosition();
            if (!second.isEmpty()) {
                Appender.Attempt b = store.appender()
                        .insert(connection, stream(random), ExpectedVersion.any(), second, first.size());
                if (b.inserted() != second.size()) {
                    // The stream's last event belongs to a newer transaction: this one may not append after it.
                    assertThat(b.ordered()).isFalse();
                    outOfOrderRefusals.incrementAndGet();
                    connection.rollback();
                    rolledBack(first, second);
                    return;
                }
                lastPosition = b.lastPosition();
            }
            assertThat(a.inserted()).isEqualTo(first.size());
            pauseBeforeCommit(random);
        } catch (SQLException e) {
            if (SqlErrors.violatedUniqueConstraint(e) == null) {
                throw e;
            }
            lostRaces.incrementAndGet();
            connection.rollback();
            rolledBack(first, second);
            return;
        }
        if (random.nextInt(10) == 0) {
            connection.rollback();
            rollbacks.incrementAndGet();
            rolledBack(first, second);
            return;
        }
        connection.commit();
        first.forEach(e -> committed.add(e.eventId()));
        second.forEach(e -> committed.add(e.eventId()));
        committedCount.addAndGet(first.size() + second.size());
    }

    private void rolledBack(List<NewEvent> first, List<NewEvent> second) {
        first.forEach(e -> rolledBack.add(e.eventId()));
        second.forEach(e -> rolledBack.add(e.eventId()));
    }

    private static void pauseBeforeCommit(ThreadLocalRandom random) throws InterruptedException {
        int dice = random.nextInt(1000);
        if (dice < 5) {
            Thread.sleep(100 + random.nextInt(200)); // a slow transaction holds the horizon back
        } else if (dice < 300) {
            Thread.sleep(random.nextInt(4));
        }
    }

    private static String stream(ThreadLocalRandom random) {
        return (random.nextBoolean() ? "order-" : "kitchen-") + random.nextInt(STREAMS);
    }

    private static List<NewEvent> batch(ThreadLocalRandom random) {
        int size = 1 + random.nextInt(16);
        List<NewEvent> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            events.add(NewEvent.of(UUID.randomUUID(), "stress.Happened", new byte[] {(byte) i}));
        }
        return events;
    }

    private static List<UUID> ids(List<RecordedEvent> events) {
        synchronized (events) {
            return events.stream().map(RecordedEvent::eventId).toList();
        }
    }

    private static void assertPositionsIncreaseAndStreamsAscend(List<RecordedEvent> events) {
        Map<String, Long> versions = new HashMap<>();
        long position = 0;
        for (RecordedEvent event : events) {
            assertThat(event.position()).as("position after %d", position).isGreaterThan(position);
            position = event.position();
            long expected = versions.getOrDefault(event.streamId(), -1L) + 1;
            assertThat(event.version()).as("version of %s", event).isEqualTo(expected);
            versions.put(event.streamId(), expected);
        }
    }
}
