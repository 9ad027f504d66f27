package dev.cairn.eventstore.postgres;

import static dev.cairn.core.store.ExpectedVersion.noStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cairn.core.processing.ParkedEvent;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresCheckpointStoreTest {

    @AutoClose
    private static final TestDatabase database = TestDatabase.create();

    private PostgresEventStore store;
    private PostgresCheckpointStore checkpoints;

    @BeforeEach
    void open() {
        store = PostgresStores.fresh(database);
        checkpoints = PostgresCheckpointStore.of(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void a_processor_without_a_checkpoint_starts_at_zero_and_a_saved_one_survives_reopening() {
        // given
        assertThat(checkpoints.load("history")).isZero();

        // when
        checkpoints.save("history", 42);
        checkpoints.save("history", 57);
        store.close();
        store = PostgresStores.open(database, store.schema());

        // then
        assertThat(PostgresCheckpointStore.of(store).load("history")).isEqualTo(57);
        assertThat(PostgresCheckpointStore.of(store).load("other")).isZero();
    }

    @Test
    void parked_events_are_listed_in_position_order_with_their_error_and_can_be_unparked() {
        // given
        store.append("order-1", noStream(), List.of(event(), event()));
        List<RecordedEvent> log = store.readAll(0, 10);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        // when
        checkpoints.park(new ParkedEvent("history", log.get(1), "boom", 5, now));
        checkpoints.park(new ParkedEvent("history", log.get(0), "bang", 3, now));

        // then
        List<ParkedEvent> parked = checkpoints.parked("history");
        assertThat(parked)
                .extracting(p -> p.event().position())
                .containsExactly(log.get(0).position(), log.get(1).position());
        assertThat(parked.getFirst())
                .usingRecursiveComparison()
                .isEqualTo(new ParkedEvent("history", log.get(0), "bang", 3, now));
        assertThat(parked.getFirst().event().data()).isEqualTo(log.get(0).data());
        checkpoints.unpark("history", log.get(0).position());
        assertThat(checkpoints.parked("history")).extracting(ParkedEvent::error).containsExactly("boom");
        assertThat(checkpoints.parked("other")).isEmpty();
    }

    @Test
    void a_read_model_s_rows_and_its_checkpoint_commit_together_or_not_at_all() throws SQLException {
        // given
        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + store.schema() + ".history (id integer PRIMARY KEY)");
        }
        String insert = "INSERT INTO " + store.schema() + ".history VALUES (?)";

        // when
        checkpoints.commit("history", 10, c -> {
            try (var ps = c.prepareStatement(insert)) {
                ps.setInt(1, 1);
                return ps.executeUpdate();
            }
        });
        Throwable failure = catchThrowable(() -> checkpoints.commit("history", 20, c -> {
            try (var ps = c.prepareStatement(insert)) {
                ps.setInt(1, 2);
                ps.executeUpdate();
            }
            throw new IllegalStateException("the read model failed after writing");
        }));

        // then
        assertThat(failure).hasMessageContaining("failed after writing");
        assertThat(checkpoints.load("history")).isEqualTo(10);
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + store.schema() + ".history")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    private static NewEvent event() {
        return NewEvent.of(UUID.randomUUID(), "test.Happened", new byte[] {1, 2, 3});
    }
}
