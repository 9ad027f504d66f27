package dev.cairn.restaurant.app.orderhistory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.testing.SwitchableStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ViewFreshnessTest {

    private Instant now = Instant.parse("2026-01-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final SwitchableStore cuttable = new SwitchableStore(store);
    private final ViewFreshness freshness = new ViewFreshness(cuttable, clock, Instant.EPOCH);

    @Test
    void stale_since_the_head_read_of_the_last_round_that_reached_the_end_of_the_log() {
        for (int i = 0; i < 3; i++) {
            store.append(
                    "order-" + i, ExpectedVersion.any(), List.of(NewEvent.of(UUID.randomUUID(), "t", new byte[] {1})));
        }
        assertThat(freshness.staleness()).as("never complete").isGreaterThan(Duration.ofDays(10_000));

        // A round that reads a full page is not complete yet.
        freshness.headPosition();
        now = now.plusMillis(100);
        freshness.readAll(0, 2, EventFilter.all());
        assertThat(freshness.staleness()).isGreaterThan(Duration.ofDays(10_000));

        // The next one reaches the end: complete as of its head read.
        Instant headRead = now;
        freshness.headPosition();
        now = now.plusMillis(50);
        freshness.readAll(2, 2, EventFilter.all());
        assertThat(freshness.completeAt()).isEqualTo(headRead);
        assertThat(freshness.staleness()).isEqualTo(Duration.ofMillis(50));

        // Cut: rounds fail, the staleness grows.
        cuttable.down(true);
        now = now.plusSeconds(7);
        assertThatThrownBy(freshness::headPosition).isInstanceOf(EventStoreUnavailableException.class);
        assertThat(freshness.staleness()).isEqualTo(Duration.ofMillis(7_050));

        // Back: the first complete round brings it down again.
        cuttable.down(false);
        Instant back = now;
        freshness.headPosition();
        freshness.readAll(3, 2, EventFilter.all());
        assertThat(freshness.staleness()).isZero();
        assertThat(freshness.completeAt()).isEqualTo(back);
    }
}
