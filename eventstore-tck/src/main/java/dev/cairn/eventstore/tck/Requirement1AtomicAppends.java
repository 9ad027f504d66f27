package dev.cairn.eventstore.tck;

import static dev.cairn.core.store.ExpectedVersion.any;
import static dev.cairn.core.store.ExpectedVersion.exactly;
import static dev.cairn.core.store.ExpectedVersion.noStream;
import static dev.cairn.eventstore.tck.Events.event;
import static dev.cairn.eventstore.tck.Events.events;
import static dev.cairn.eventstore.tck.Events.idsOf;
import static dev.cairn.eventstore.tck.Events.recordedIds;
import static dev.cairn.eventstore.tck.Logs.fingerprints;
import static dev.cairn.eventstore.tck.Logs.readWholeLog;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.AppendRules;
import dev.cairn.core.store.DuplicateEventIdException;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requirement 1 of {@link dev.cairn.core.store}: an append is atomic, all or nothing — a batch is
 * appended whole and in order, or (refused for any reason, including the argument checks every store
 * shares) not at all, and no reader ever sees part of it.
 *
 * <p>Runs within {@link EventStoreContract}; a store may also extend it alone.
 */
public abstract class Requirement1AtomicAppends extends StoreSuite {

    @Test
    void the_result_names_the_stream_the_versions_and_the_last_position() {
        // given
        store.append("kitchen-1", noStream(), events(2));
        List<NewEvent> batch = events(3);

        // when
        AppendResult first = store.append("order-1", noStream(), batch);
        AppendResult second = store.append("order-1", exactly(2), events(1));

        // then
        assertThat(first)
                .isEqualTo(new AppendResult(
                        "order-1", 0, 2, positionOf(batch.getLast().eventId()), false));
        assertThat(second.firstVersion()).isEqualTo(3);
        assertThat(second.lastVersion()).isEqualTo(3);
        assertThat(second.duplicate()).isFalse();
        assertThat(second.lastPosition()).isGreaterThan(first.lastPosition()).isEqualTo(store.headPosition());
        assertThat(readWholeLog(store).getLast().position()).isEqualTo(second.lastPosition());
    }

    @Test
    void a_batch_keeps_its_order_with_increasing_positions() {
        // given
        List<NewEvent> batch = events(7);

        // when
        store.append("order-1", noStream(), batch);

        // then
        List<RecordedEvent> log = readWholeLog(store);
        assertThat(recordedIds(log)).isEqualTo(idsOf(batch));
        assertThat(log).extracting(RecordedEvent::version).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(log).extracting(RecordedEvent::position).isSorted().doesNotHaveDuplicates();
        assertThat(fingerprints(store.readStream("order-1", 0))).isEqualTo(fingerprints(log));
    }

    @Test
    void a_batch_that_fails_on_its_last_event_appends_none_of_it() {
        // given
        NewEvent recorded = event();
        store.append("order-1", noStream(), List.of(recorded));
        LogState before = logState();
        List<NewEvent> batch = List.of(event(), event(), recorded);

        // when
        Throwable failure = catchThrowable(() -> store.append("order-1", exactly(0), batch));

        // then
        assertThat(failure).isInstanceOf(DuplicateEventIdException.class);
        assertUnchanged(before);
        AppendResult withoutTheOldEvent = store.append("order-1", exactly(0), batch.subList(0, 2));
        assertThat(withoutTheOldEvent.duplicate())
                .as("the new ids of the failed batch were not recorded")
                .isFalse();
        assertThat(withoutTheOldEvent.firstVersion()).isEqualTo(1);
    }

    @Test
    void a_batch_whose_last_event_belongs_to_another_stream_appends_none_of_it() {
        // given
        NewEvent elsewhere = event();
        store.append("kitchen-1", noStream(), List.of(elsewhere));
        LogState before = logState();

        // when
        Throwable failure =
                catchThrowable(() -> store.append("order-1", noStream(), List.of(event(), event(), elsewhere)));

        // then
        assertThat(failure).isInstanceOf(DuplicateEventIdException.class);
        assertUnchanged(before);
        assertNoStream("order-1");
    }

    @Test
    void a_batch_of_the_largest_accepted_size_is_appended_whole() {
        // given
        List<NewEvent> batch = events(AppendRules.MAX_EVENTS_PER_APPEND);

        // when
        AppendResult result = store.append("order-1", noStream(), batch);

        // then
        assertThat(result.lastVersion()).isEqualTo(AppendRules.MAX_EVENTS_PER_APPEND - 1);
        assertThat(recordedIds(store.readStream("order-1", 0))).isEqualTo(idsOf(batch));
        assertThat(recordedIds(readWholeLog(store))).isEqualTo(idsOf(batch));
    }

    @Test
    void a_batch_over_the_largest_accepted_size_is_rejected_and_appends_nothing() {
        // given
        List<NewEvent> batch = events(AppendRules.MAX_EVENTS_PER_APPEND + 1);

        // when
        Throwable failure = catchThrowable(() -> store.append("order-1", noStream(), batch));

        // then
        assertThat(failure).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.headPosition()).isZero();
        assertNoStream("order-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\t"})
    void a_blank_stream_id_is_rejected_and_appends_nothing(String streamId) {
        // when
        Throwable failure = catchThrowable(() -> store.append(streamId, any(), events(1)));

        // then
        assertThat(failure).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.headPosition()).isZero();
        assertThat(store.readAll(0, 10)).isEmpty();
    }

    @Test
    void a_null_stream_id_or_expected_version_is_rejected_and_appends_nothing() {
        // when
        Throwable noStreamId = catchThrowable(() -> store.append(null, any(), events(1)));
        Throwable noExpectedVersion = catchThrowable(() -> store.append("order-1", null, events(1)));

        // then
        assertThat(noStreamId).isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class);
        assertThat(noExpectedVersion).isInstanceOf(NullPointerException.class);
        assertThat(store.headPosition()).isZero();
    }

    static Stream<String> invalidStreamIds() {
        return Stream.of("order-\n1", "order-\u00001", "order\u007f-1", "x".repeat(256));
    }

    @ParameterizedTest
    @MethodSource("invalidStreamIds")
    void a_stream_id_with_control_characters_or_over_255_characters_is_rejected(String streamId) {
        // when
        Throwable failure = catchThrowable(() -> store.append(streamId, any(), events(1)));

        // then
        assertThat(failure).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void an_empty_batch_is_rejected_and_appends_nothing() {
        // when
        Throwable empty = catchThrowable(() -> store.append("order-1", noStream(), List.of()));
        Throwable none = catchThrowable(() -> store.append("order-1", noStream(), null));

        // then
        assertThat(empty).isInstanceOf(IllegalArgumentException.class);
        assertThat(none).isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class);
        assertThat(store.headPosition()).isZero();
        assertNoStream("order-1");
    }

    @Test
    void an_event_id_repeated_inside_one_batch_is_rejected_and_appends_nothing() {
        // given
        NewEvent a = event("tck.A");
        NewEvent b = event("tck.B");
        NewEvent aAgain =
                new NewEvent(a.eventId(), "tck.C", "other".getBytes(UTF_8), a.correlationId(), a.causationId());

        // when
        Throwable failure = catchThrowable(() -> store.append("order-1", noStream(), List.of(a, b, aAgain)));

        // then
        assertThat(failure).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.headPosition()).isZero();
        assertNoStream("order-1");
        assertThat(store.append("order-1", noStream(), List.of(a, b)).duplicate())
                .as("ids of the rejected batch were not recorded")
                .isFalse();
    }

    @Test
    void readers_never_observe_part_of_an_append() throws Exception {
        // given
        int batchSize = 50;
        int appends = 200;
        AtomicBoolean done = new AtomicBoolean();
        List<String> partial = new ArrayList<>();

        try (Workers workers = new Workers(1)) {
            // when
            Future<Void> writer = workers.submit(() -> {
                try {
                    for (int i = 0; i < appends; i++) {
                        store.append("order-1", any(), events(batchSize));
                    }
                    return null;
                } finally {
                    done.set(true);
                }
            });
            long streamCursor = 0;
            long logCursor = 0;
            while (!done.get() && partial.size() < 5) {
                long version = store.streamVersion("order-1");
                if ((version + 1) % batchSize != 0) {
                    partial.add("streamVersion was " + version);
                }
                List<RecordedEvent> fromStream = store.readStream("order-1", streamCursor);
                if (fromStream.size() % batchSize != 0) {
                    partial.add(
                            "readStream from version " + streamCursor + " returned " + fromStream.size() + " events");
                }
                streamCursor += fromStream.size();
                List<RecordedEvent> fromLog = store.readAll(logCursor, batchSize * 20);
                if (fromLog.size() % batchSize != 0) {
                    partial.add("readAll after " + logCursor + " returned " + fromLog.size() + " events");
                }
                logCursor = fromLog.isEmpty() ? logCursor : fromLog.getLast().position();
            }
            Workers.result(writer, TIMEOUT);
        }

        // then
        assertThat(partial)
                .as("reads that saw part of an append of %d events", batchSize)
                .isEmpty();
        assertThat(store.readStream("order-1", 0)).hasSize(batchSize * appends);
    }
}
