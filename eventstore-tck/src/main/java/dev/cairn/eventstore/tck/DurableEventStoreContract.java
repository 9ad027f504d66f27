package dev.cairn.eventstore.tck;

import static dev.cairn.core.store.ExpectedVersion.any;
import static dev.cairn.core.store.ExpectedVersion.exactly;
import static dev.cairn.core.store.ExpectedVersion.noStream;
import static dev.cairn.eventstore.tck.Events.event;
import static dev.cairn.eventstore.tck.Events.events;
import static dev.cairn.eventstore.tck.Events.idsOf;
import static dev.cairn.eventstore.tck.Events.randomBytes;
import static dev.cairn.eventstore.tck.Events.recordedIds;
import static dev.cairn.eventstore.tck.Logs.assertRecordedAs;
import static dev.cairn.eventstore.tck.Logs.assertSameRecords;
import static dev.cairn.eventstore.tck.Logs.fingerprints;
import static dev.cairn.eventstore.tck.Logs.readWholeLog;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.DuplicateEventIdException;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.Subscription;
import dev.cairn.core.store.WrongExpectedVersionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Requirement 8 for durable stores, which extend this beside {@link EventStoreContract}: what was
 * acknowledged is there after the store is closed and opened again, byte for byte and with the same
 * metadata, and versions, positions and idempotency carry on from where they were. Like every
 * suite of the kit it gets a fresh store per test and closes it afterwards ({@link StoreSuite}).
 */
public abstract class DurableEventStoreContract extends StoreSuite {

    /**
     * Opens again, on the same storage, a store this suite got from {@link #newStore()} or from an
     * earlier reopen, and has just closed.
     */
    protected abstract EventStore reopen(EventStore closed);

    private void closeAndReopen() {
        EventStore closed = store;
        store = null;
        closed.close();
        store = reopen(closed);
    }

    private Map<String, List<RecordedEvent>> readStreams(Set<String> streamIds) {
        Map<String, List<RecordedEvent>> streams = new LinkedHashMap<>();
        streamIds.forEach(id -> streams.put(id, store.readStream(id, 0)));
        return streams;
    }

    @Test
    void acknowledged_events_survive_close_and_reopen_with_identical_bytes_and_metadata() {
        // given
        NewEvent large = event("tck.Large", randomBytes(1 << 20, 8));
        NewEvent unicode = event("ordering.CommandePassée🎉", "crème brûlée 🍮".getBytes(UTF_8));
        NewEvent empty = event("tck.Empty", new byte[0]);
        store.append("order-1", noStream(), List.of(large, empty));
        store.append("commande-crème-🍮", noStream(), List.of(unicode));
        store.append("order-1", exactly(1), events(3));
        store.append("kitchen-1", noStream(), events(2));
        List<RecordedEvent> before = readWholeLog(store);
        Map<String, List<RecordedEvent>> streamsBefore =
                readStreams(Set.of("order-1", "commande-crème-🍮", "kitchen-1"));
        long headBefore = store.headPosition();

        // when
        closeAndReopen();

        // then
        assertSameRecords(readWholeLog(store), before);
        streamsBefore.forEach((id, events) -> {
            assertSameRecords(store.readStream(id, 0), events);
            assertThat(store.streamVersion(id)).as("version of %s", id).isEqualTo(events.size() - 1L);
        });
        assertThat(store.headPosition()).isEqualTo(headBefore);
        assertRecordedAs(store.readStream("order-1", 0).getFirst(), large, "order-1", 0);
        assertRecordedAs(store.readStream("commande-crème-🍮", 0).getFirst(), unicode, "commande-crème-🍮", 0);
    }

    @Test
    void versions_and_positions_carry_on_after_reopen() {
        // given
        store.append("order-1", noStream(), events(3));
        store.append("kitchen-1", noStream(), events(1));
        long headBefore = store.headPosition();

        // when
        closeAndReopen();
        Throwable conflict = catchThrowable(() -> store.append("order-1", noStream(), events(1)));
        AppendResult next = store.append("order-1", exactly(2), events(2));
        AppendResult created = store.append("order-9", noStream(), events(1));

        // then
        assertThat(conflict)
                .isInstanceOfSatisfying(
                        WrongExpectedVersionException.class,
                        e -> assertThat(e.actualVersion()).isEqualTo(2));
        assertThat(next.firstVersion()).isEqualTo(3);
        assertThat(next.lastVersion()).isEqualTo(4);
        assertThat(created.firstVersion()).isZero();
        List<RecordedEvent> log = readWholeLog(store);
        assertThat(log).hasSize(7);
        assertThat(log.subList(4, 7)).allSatisfy(e -> assertThat(e.position()).isGreaterThan(headBefore));
        assertThat(store.headPosition())
                .isEqualTo(created.lastPosition())
                .isEqualTo(log.getLast().position());
        assertThat(store.readStream("order-1", 0))
                .extracting(RecordedEvent::version)
                .containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void retries_are_recognised_after_reopen() {
        // given
        List<NewEvent> batch = events(3);
        AppendResult first = store.append("order-1", noStream(), batch);
        store.append("order-1", exactly(2), events(1));

        // when
        closeAndReopen();
        long headAfterReopen = store.headPosition();
        AppendResult retry = store.append("order-1", noStream(), batch);
        Throwable reuse = catchThrowable(() -> store.append("order-2", noStream(), List.of(batch.get(1))));

        // then
        assertThat(retry).isEqualTo(new AppendResult("order-1", 0, 2, first.lastPosition(), true));
        assertThat(reuse).isInstanceOf(DuplicateEventIdException.class);
        assertThat(store.headPosition()).isEqualTo(headAfterReopen);
        assertThat(store.streamVersion("order-2")).isEqualTo(-1);
    }

    @Test
    void refused_appends_leave_nothing_behind_after_reopen() {
        // given
        NewEvent recorded = event();
        store.append("order-1", noStream(), List.of(recorded));
        List<NewEvent> conflicting = events(2);
        List<NewEvent> mixed = List.of(event(), recorded);
        assertThatExceptionOfType(WrongExpectedVersionException.class)
                .isThrownBy(() -> store.append("order-1", exactly(7), conflicting));
        assertThatExceptionOfType(DuplicateEventIdException.class)
                .isThrownBy(() -> store.append("order-1", exactly(0), mixed));
        List<String> before = fingerprints(readWholeLog(store));

        // when
        closeAndReopen();

        // then
        assertThat(fingerprints(readWholeLog(store))).isEqualTo(before);
        assertThat(store.append("order-1", exactly(0), conflicting).duplicate()).isFalse();
        assertThat(store.append("order-1", exactly(2), List.of(mixed.getFirst()))
                        .duplicate())
                .isFalse();
    }

    @Test
    void filtered_reads_find_the_same_events_after_reopen() {
        // given
        for (int i = 0; i < 12; i++) {
            store.append(
                    (i % 3 == 0 ? "kitchen-" : "order-") + i % 4,
                    any(),
                    List.of(event("tck.Placed"), event(i % 2 == 0 ? "tck.Served" : "tck.Cancelled")));
        }
        List<EventFilter> filters = List.of(
                EventFilter.categories("order"),
                EventFilter.types("tck.Served"),
                new EventFilter(Set.of("kitchen"), Set.of("tck.Placed", "tck.Cancelled")));
        List<List<String>> before =
                filters.stream().map(f -> fingerprints(readWholeLog(store, f))).toList();

        // when
        closeAndReopen();

        // then
        for (int i = 0; i < filters.size(); i++) {
            assertThat(before.get(i)).isNotEmpty();
            assertThat(fingerprints(readWholeLog(store, filters.get(i))))
                    .as("filter %s", filters.get(i))
                    .isEqualTo(before.get(i));
        }
    }

    @Test
    void events_appended_between_several_reopens_all_survive() {
        // given
        List<NewEvent> written = new ArrayList<>();
        for (int cycle = 0; cycle < 3; cycle++) {
            for (int i = 0; i < 5; i++) {
                List<NewEvent> batch = events(1 + i % 3);
                store.append("order-" + i % 2, any(), batch);
                written.addAll(batch);
            }

            // when
            closeAndReopen();
        }

        // then
        List<RecordedEvent> log = readWholeLog(store);
        assertThat(recordedIds(log)).isEqualTo(idsOf(written));
        for (String stream : List.of("order-0", "order-1")) {
            List<RecordedEvent> events = store.readStream(stream, 0);
            assertThat(events)
                    .extracting(RecordedEvent::version)
                    .containsExactlyElementsOf(
                            LongStream.range(0, events.size()).boxed().toList());
        }
    }

    @Test
    void appends_acknowledged_to_concurrent_writers_survive_reopen() throws Exception {
        // given
        int writers = 4;
        List<List<NewEvent>> written;
        try (Workers workers = new Workers(writers)) {
            List<Future<List<NewEvent>>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(workers.submit(() -> {
                    List<NewEvent> mine = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        List<NewEvent> batch = events(1 + i % 2);
                        store.append("order-" + writer, any(), batch);
                        mine.addAll(batch);
                    }
                    return mine;
                }));
            }
            written = Workers.results(futures, TIMEOUT);
        }
        List<RecordedEvent> before = readWholeLog(store);

        // when
        closeAndReopen();

        // then
        assertSameRecords(readWholeLog(store), before);
        for (int w = 0; w < writers; w++) {
            assertThat(recordedIds(store.readStream("order-" + w, 0))).isEqualTo(idsOf(written.get(w)));
        }
    }

    @Test
    void a_subscription_after_reopen_delivers_the_whole_log_then_new_events() {
        // given
        List<NewEvent> before = events(4);
        store.append("order-1", noStream(), before);
        closeAndReopen();
        assertThat(recordedIds(readWholeLog(store))).isEqualTo(idsOf(before));
        RecordingSink sink = new RecordingSink();

        // when
        try (Subscription subscription = store.subscribe(0, EventFilter.all(), sink)) {
            sink.awaitDeliveryOf(readWholeLog(store), subscription, TIMEOUT);
            store.append("order-1", exactly(3), events(2));
            sink.awaitDeliveryOf(readWholeLog(store), subscription, TIMEOUT);

            // then
            assertThat(fingerprints(sink.received())).isEqualTo(fingerprints(readWholeLog(store)));
            assertThat(subscription.failure()).isNull();
        }
    }

    @Test
    void an_empty_store_reopens_empty() {
        // when
        closeAndReopen();

        // then
        assertThat(store.headPosition()).isZero();
        assertThat(store.readAll(0, 10)).isEmpty();
        assertThat(store.streamVersion("order-1")).isEqualTo(-1);
        AppendResult first = store.append("order-1", noStream(), events(1));
        assertThat(first.firstVersion()).isZero();
        assertThat(first.lastPosition()).isPositive();
        assertThat(readWholeLog(store)).hasSize(1);
    }
}
