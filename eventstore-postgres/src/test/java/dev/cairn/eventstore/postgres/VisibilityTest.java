package dev.cairn.eventstore.postgres;

import static dev.cairn.core.store.ExpectedVersion.any;
import static dev.cairn.core.store.ExpectedVersion.noStream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The visibility rule's one cost: an open transaction delays readers, who then read everything, in xid order. */
class VisibilityTest {

    @AutoClose
    private static final TestDatabase database = TestDatabase.create();

    @Test
    void an_open_older_transaction_delays_later_commits_for_readers_and_skips_nothing_when_it_commits()
            throws Exception {
        try (PostgresEventStore store = freshStore();
                Connection slow = openTransaction()) {
            // given: an append that has written but not committed
            NewEvent early = event();
            Appender.Attempt pending = store.appender().insert(slow, "order-slow", noStream(), List.of(early), 0);
            assertThat(pending.inserted()).isEqualTo(1);
            long headBefore = store.headPosition();

            // when: a later append commits while the older transaction is still open
            NewEvent late = event();
            long latePosition =
                    store.append("order-fast", noStream(), List.of(late)).lastPosition();

            // then: readers do not see it yet, and the lag says why
            assertThat(latePosition).isGreaterThan(pending.lastPosition());
            assertThat(store.readAll(0, 100)).isEmpty();
            assertThat(store.headPosition()).isEqualTo(headBefore).isZero();
            ReadableLag lag = store.readableLag();
            assertThat(lag.committedNotReadable()).isEqualTo(1);
            assertThat(lag.oldestOpenTransactionAge()).isPositive();

            // when: the older transaction commits
            slow.commit();

            // then: both are readable, the older first, and the head covers both
            List<RecordedEvent> log = store.readAll(0, 100);
            assertThat(log).extracting(RecordedEvent::eventId).containsExactly(early.eventId(), late.eventId());
            assertThat(store.headPosition()).isEqualTo(latePosition);
            assertThat(store.readableLag().committedNotReadable()).isZero();
        }
    }

    @Test
    void a_rolled_back_append_leaves_nothing_and_releases_the_readers() throws Exception {
        try (PostgresEventStore store = freshStore();
                Connection doomed = openTransaction()) {
            // given
            store.appender().insert(doomed, "order-doomed", noStream(), List.of(event()), 0);
            NewEvent kept = event();
            store.append("order-kept", any(), List.of(kept));

            // when
            doomed.rollback();

            // then
            assertThat(store.readAll(0, 100)).extracting(RecordedEvent::eventId).containsExactly(kept.eventId());
            assertThat(store.streamVersion("order-doomed")).isEqualTo(-1);
        }
    }

    @Test
    void an_append_that_is_not_its_transaction_s_first_write_is_refused_when_it_would_break_stream_order()
            throws Exception {
        try (PostgresEventStore store = freshStore();
                Connection older = openTransaction()) {
            // given: a transaction that got its xid first, then a newer one appends to the stream and commits
            store.appender().insert(older, "kitchen-1", noStream(), List.of(event()), 0);
            store.append("order-1", noStream(), List.of(event()));

            // when: the older transaction appends after the newer one's event
            Appender.Attempt attempt = store.appender().insert(older, "order-1", any(), List.of(event()), 1);

            // then
            assertThat(attempt.ordered()).isFalse();
            assertThat(attempt.inserted()).isZero();
            older.rollback();
        }
    }

    @Test
    void stores_starting_together_migrate_the_schema_once() throws Exception {
        // given
        String schema = "racing_" + UUID.randomUUID().toString().substring(0, 8);
        List<Thread> starters = new ArrayList<>();
        List<PostgresEventStore> stores = Collections.synchronizedList(new ArrayList<>());

        // when
        for (int i = 0; i < 4; i++) {
            starters.add(Thread.ofPlatform().start(() -> stores.add(PostgresStores.open(database, schema))));
        }
        for (Thread starter : starters) {
            starter.join();
        }

        // then
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT string_agg(version::text, ',' ORDER BY version) FROM " + schema
                        + ".cairn_schema_version")) {
            rs.next();
            assertThat(rs.getString(1))
                    .isEqualTo(IntStream.rangeClosed(1, Migrations.ALL.size())
                            .mapToObj(Integer::toString)
                            .collect(Collectors.joining(",")));
        } finally {
            stores.forEach(PostgresEventStore::close);
        }
        assertThat(stores).hasSize(4);
    }

    /** A store whose appends wait at most 100 ms for their events to be readable: an open transaction holds them back. */
    private static PostgresEventStore freshStore() {
        return PostgresStores.fresh(database, Duration.ofMillis(100));
    }

    /** A connection of its own whose appends stay uncommitted until the test commits or rolls back. */
    private static Connection openTransaction() throws SQLException {
        Connection connection = database.connect();
        connection.setAutoCommit(false);
        return connection;
    }

    private static NewEvent event() {
        return NewEvent.of(UUID.randomUUID(), "test.Happened", new byte[] {7});
    }
}
