package dev.cairn.eventstore.tck;

import static dev.cairn.core.store.ExpectedVersion.any;
import static dev.cairn.eventstore.tck.Events.event;
import static dev.cairn.eventstore.tck.Events.events;
import static dev.cairn.eventstore.tck.Events.idsOf;
import static dev.cairn.eventstore.tck.Events.recordedIds;
import static dev.cairn.eventstore.tck.Logs.fingerprints;
import static dev.cairn.eventstore.tck.Logs.readWholeLog;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Requirement 4 of {@link dev.cairn.core.store}: every event gets a global position, positive and
 * strictly increasing in log order (gaps allowed); reads of the log page and filter by position.
 *
 * <p>Runs within {@link EventStoreContract}; a store may also extend it alone.
 */
public abstract class Requirement4GlobalPositions extends StoreSuite {

    @Test
    void a_new_store_is_empty() {
        // when / then
        assertThat(store.headPosition()).isZero();
        assertThat(store.readAll(0, 100)).isEmpty();
        assertThat(store.readAll(0, 100, EventFilter.categories("order"))).isEmpty();
    }

    @Test
    void positions_are_positive_strictly_increasing_and_follow_the_order_of_acknowledgement() {
        // given
        List<NewEvent> written = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            List<NewEvent> batch = events(1 + i % 4);
            store.append(i % 3 == 0 ? "kitchen-" + i % 2 : "order-" + i % 5, any(), batch);
            written.addAll(batch);
        }

        // when
        List<RecordedEvent> log = store.readAll(0, 1_000);

        // then
        assertThat(recordedIds(log)).isEqualTo(idsOf(written));
        assertThat(log.getFirst().position()).isPositive();
        for (int i = 1; i < log.size(); i++) {
            assertThat(log.get(i).position())
                    .as("position of event %d", i)
                    .isGreaterThan(log.get(i - 1).position());
        }
        assertThat(store.headPosition()).isEqualTo(log.getLast().position());
    }

    @Test
    void after_and_limit_page_through_the_log() {
        // given
        List<NewEvent> written = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            List<NewEvent> batch = events(1 + i % 5);
            store.append("order-" + i % 3, any(), batch);
            written.addAll(batch);
        }
        List<RecordedEvent> log = readWholeLog(store);

        // when
        List<RecordedEvent> paged = new ArrayList<>();
        long after = 0;
        for (List<RecordedEvent> page = store.readAll(after, 7); !page.isEmpty(); page = store.readAll(after, 7)) {
            assertThat(page.size()).isLessThanOrEqualTo(7);
            paged.addAll(page);
            after = page.getLast().position();
        }

        // then
        assertThat(recordedIds(log)).isEqualTo(idsOf(written));
        assertThat(fingerprints(paged)).isEqualTo(fingerprints(log));
        assertThat(store.readAll(store.headPosition(), 5)).isEmpty();
        assertThat(fingerprints(store.readAll(0, Integer.MAX_VALUE))).isEqualTo(fingerprints(log));
        for (int i = 0; i < log.size(); i++) {
            RecordedEvent e = log.get(i);
            assertThat(fingerprints(store.readAll(e.position() - 1, 1)))
                    .as("just before event %d", i)
                    .containsExactly(Logs.fingerprint(e));
            assertThat(fingerprints(store.readAll(e.position(), 2)))
                    .as("after event %d", i)
                    .isEqualTo(fingerprints(log.subList(i + 1, Math.min(i + 3, log.size()))));
        }
    }

    /** An event as written, with its stream: what filtered reads are checked against, rather than another read. */
    private record Written(String streamId, NewEvent event) {
        boolean matches(EventFilter filter) {
            return filter.matches(streamId, event.type());
        }
    }

    private List<Written> appendToSeveralCategories() {
        List<Written> written = new ArrayList<>();
        String[] streams = {
            "order-1", "kitchen-1", "order-2", "orderline-1", "order", "order-x-y", "kitchen-order-1", "Order-3"
        };
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < streams.length; i++) {
                List<NewEvent> batch = List.of(event("tck.Placed"), event(i % 2 == 0 ? "tck.Cancelled" : "tck.Served"));
                store.append(streams[i], any(), batch);
                for (NewEvent e : batch) {
                    written.add(new Written(streams[i], e));
                }
            }
        }
        return written;
    }

    private List<UUID> idsMatching(List<Written> written, Predicate<Written> selected) {
        return written.stream().filter(selected).map(w -> w.event().eventId()).toList();
    }

    @Test
    void filters_by_category_the_part_of_the_stream_id_before_the_first_dash() {
        // given
        List<Written> written = appendToSeveralCategories();
        Set<String> orderStreams = Set.of("order-1", "order-2", "order", "order-x-y");

        // when
        List<RecordedEvent> orders = store.readAll(0, 1_000, EventFilter.categories("order"));
        List<RecordedEvent> ordersAndKitchen = store.readAll(0, 1_000, EventFilter.categories("order", "kitchen"));

        // then
        assertThat(recordedIds(orders)).isEqualTo(idsMatching(written, w -> orderStreams.contains(w.streamId())));
        assertThat(recordedIds(ordersAndKitchen))
                .isEqualTo(idsMatching(
                        written,
                        w -> orderStreams.contains(w.streamId()) || w.streamId().startsWith("kitchen-")));
        assertThat(orders).allSatisfy(e -> assertThat(e.category()).isEqualTo("order"));
    }

    @Test
    void filters_by_event_type() {
        // given
        List<Written> written = appendToSeveralCategories();

        // when
        List<RecordedEvent> cancelled = store.readAll(0, 1_000, EventFilter.types("tck.Cancelled"));
        List<RecordedEvent> either = store.readAll(0, 1_000, EventFilter.types("tck.Cancelled", "tck.Served"));

        // then
        assertThat(recordedIds(cancelled))
                .isNotEmpty()
                .isEqualTo(idsMatching(written, w -> w.event().type().equals("tck.Cancelled")));
        assertThat(recordedIds(either))
                .isEqualTo(idsMatching(written, w -> !w.event().type().equals("tck.Placed")));
    }

    @Test
    void filters_by_category_and_type_together() {
        // given
        List<Written> written = appendToSeveralCategories();
        EventFilter filter = new EventFilter(Set.of("order", "kitchen"), Set.of("tck.Served"));

        // when
        List<RecordedEvent> served = store.readAll(0, 1_000, filter);

        // then
        assertThat(recordedIds(served)).isNotEmpty().isEqualTo(idsMatching(written, w -> w.matches(filter)));
        assertThat(served).allSatisfy(e -> assertThat(e.type()).isEqualTo("tck.Served"));
    }

    @Test
    void a_filtered_read_pages_with_after_and_limit() {
        // given
        List<Written> written = appendToSeveralCategories();
        EventFilter filter = EventFilter.categories("order");

        // when
        List<RecordedEvent> paged = new ArrayList<>();
        long after = 0;
        for (List<RecordedEvent> page = store.readAll(after, 3, filter);
                !page.isEmpty();
                page = store.readAll(after, 3, filter)) {
            assertThat(page.size()).isLessThanOrEqualTo(3);
            paged.addAll(page);
            after = page.getLast().position();
        }

        // then
        assertThat(recordedIds(paged)).hasSize(16).isEqualTo(idsMatching(written, w -> w.matches(filter)));
    }

    @Test
    void a_filter_that_matches_nothing_reads_empty() {
        // given
        appendToSeveralCategories();

        // when / then
        assertThat(store.readAll(0, 10, EventFilter.categories("billing"))).isEmpty();
        assertThat(store.readAll(0, 10, EventFilter.types("tck.Unknown"))).isEmpty();
        assertThat(store.readAll(0, 10, new EventFilter(Set.of("orderline"), Set.of("tck.Cancelled"))))
                .isEmpty();
    }
}
