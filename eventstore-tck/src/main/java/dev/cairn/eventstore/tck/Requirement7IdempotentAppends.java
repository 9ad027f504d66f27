package dev.cairn.eventstore.tck;

import static dev.cairn.core.store.ExpectedVersion.any;
import static dev.cairn.core.store.ExpectedVersion.exactly;
import static dev.cairn.core.store.ExpectedVersion.noStream;
import static dev.cairn.eventstore.tck.Events.event;
import static dev.cairn.eventstore.tck.Events.events;
import static dev.cairn.eventstore.tck.Events.idsOf;
import static dev.cairn.eventstore.tck.Events.recordedIds;
import static dev.cairn.eventstore.tck.Logs.readWholeLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.DuplicateEventIdException;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.WrongExpectedVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Requirement 7 of {@link dev.cairn.core.store}: appends are idempotent on event id — retrying
 * an append returns the first result and appends nothing; any other reuse of a recorded id is refused.
 *
 * <p>Runs within {@link EventStoreContract}; a store may also extend it alone.
 */
public abstract class Requirement7IdempotentAppends extends StoreSuite {

    @Test
    void retrying_an_append_returns_the_first_result_marked_duplicate_and_appends_nothing() {
        // given
        List<NewEvent> batch = events(2);
        AppendResult first = store.append("order-1", noStream(), batch);
        LogState before = logState();

        // when
        AppendResult retry = store.append("order-1", noStream(), batch);

        // then
        assertThat(retry).isEqualTo(new AppendResult("order-1", 0, 1, first.lastPosition(), true));
        assertUnchanged(before);
    }

    @Test
    void a_retry_after_later_appends_still_returns_the_first_result() {
        // given
        List<NewEvent> first = events(2);
        List<NewEvent> second = events(1);
        AppendResult firstResult = store.append("order-1", noStream(), first);
        AppendResult secondResult = store.append("order-1", exactly(1), second);
        store.append("order-2", noStream(), events(3));
        store.append("order-1", exactly(2), events(2));
        LogState before = logState();

        // when
        AppendResult firstRetry = store.append("order-1", noStream(), first);
        AppendResult secondRetry = store.append("order-1", exactly(1), second);

        // then
        assertThat(firstRetry).isEqualTo(withDuplicate(firstResult));
        assertThat(secondRetry).isEqualTo(withDuplicate(secondResult));
        assertUnchanged(before);
    }

    @Test
    void a_retry_is_recognised_whatever_the_expected_version_says() {
        // given
        List<NewEvent> batch = events(3);
        AppendResult first = store.append("order-1", noStream(), batch);
        store.append("order-1", exactly(2), events(1));
        LogState before = logState();

        // when
        List<AppendResult> retries = List.of(
                store.append("order-1", any(), batch),
                store.append("order-1", exactly(0), batch),
                store.append("order-1", exactly(42), batch),
                store.append("order-1", noStream(), batch));

        // then
        assertThat(retries).containsOnly(withDuplicate(first));
        assertUnchanged(before);
    }

    @Test
    void mixing_recorded_and_new_event_ids_is_rejected_and_appends_nothing() {
        // given
        NewEvent recorded = event();
        store.append("order-1", noStream(), List.of(recorded));
        LogState before = logState();
        NewEvent fresh = event();

        // when
        Throwable recordedFirst = catchThrowable(() -> store.append("order-1", exactly(0), List.of(recorded, fresh)));
        Throwable recordedLast = catchThrowable(() -> store.append("order-1", exactly(0), List.of(fresh, recorded)));

        // then
        assertThat(recordedFirst).isInstanceOf(DuplicateEventIdException.class);
        assertThat(recordedLast).isInstanceOf(DuplicateEventIdException.class);
        assertUnchanged(before);
        assertThat(store.append("order-1", exactly(0), List.of(fresh)).duplicate())
                .as("the new id was not recorded by the rejected appends")
                .isFalse();
    }

    @Test
    void the_duplicate_event_id_failure_names_the_id_already_recorded() {
        // given
        NewEvent recorded = event();
        store.append("order-1", noStream(), List.of(recorded));

        // when
        Throwable recordedFirst = catchThrowable(() -> store.append("order-1", exactly(0), List.of(recorded, event())));
        Throwable recordedLast = catchThrowable(() -> store.append("order-1", exactly(0), List.of(event(), recorded)));

        // then
        assertThat(List.of(recordedFirst, recordedLast))
                .allSatisfy(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(
                                DuplicateEventIdException.class,
                                e -> assertThat(e.eventId())
                                        .as("the id the failure names")
                                        .isEqualTo(recorded.eventId())));
    }

    @Test
    void reusing_an_event_id_in_another_stream_is_rejected_and_appends_nothing() {
        // given
        NewEvent recorded = event();
        store.append("order-1", noStream(), List.of(recorded));
        store.append("order-2", noStream(), events(1));
        LogState before = logState();

        // when
        Throwable intoNewStream = catchThrowable(() -> store.append("order-3", noStream(), List.of(recorded)));
        Throwable intoExistingStream = catchThrowable(() -> store.append("order-2", any(), List.of(recorded)));

        // then
        assertThat(intoNewStream)
                .isInstanceOfSatisfying(
                        DuplicateEventIdException.class,
                        e -> assertThat(e.eventId()).isEqualTo(recorded.eventId()));
        assertThat(intoExistingStream).isInstanceOf(DuplicateEventIdException.class);
        assertUnchanged(before);
        assertNoStream("order-3");
    }

    @Test
    void retrying_in_another_order_is_rejected_and_appends_nothing() {
        // given
        NewEvent a = event();
        NewEvent b = event();
        store.append("order-1", noStream(), List.of(a, b));
        LogState before = logState();

        // when
        Throwable failure = catchThrowable(() -> store.append("order-1", any(), List.of(b, a)));

        // then
        assertThat(failure).isInstanceOf(DuplicateEventIdException.class);
        assertUnchanged(before);
    }

    @Test
    void the_ids_of_a_rejected_append_stay_unrecorded() {
        // given
        List<NewEvent> batch = events(2);
        Throwable conflict = catchThrowable(() -> store.append("order-1", exactly(5), batch));

        // when
        AppendResult later = store.append("order-1", noStream(), batch);

        // then
        assertThat(conflict).isInstanceOf(WrongExpectedVersionException.class);
        assertThat(later).isEqualTo(new AppendResult("order-1", 0, 1, store.headPosition(), false));
    }

    @Test
    void concurrent_retries_of_one_append_record_it_once_and_all_get_its_result() throws Exception {
        // given
        int writers = 4;
        List<NewEvent> batch = events(3);
        CountDownLatch start = new CountDownLatch(1);

        // when
        List<AppendResult> results;
        try (Workers workers = new Workers(writers)) {
            List<Future<AppendResult>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                futures.add(workers.submit(() -> {
                    start.await();
                    return store.append("order-1", noStream(), batch);
                }));
            }
            start.countDown();
            results = Workers.results(futures, TIMEOUT);
        }

        // then
        assertThat(results).filteredOn(r -> !r.duplicate()).hasSize(1);
        AppendResult first =
                results.stream().filter(r -> !r.duplicate()).findFirst().orElseThrow();
        assertThat(results).filteredOn(AppendResult::duplicate).containsOnly(withDuplicate(first));
        assertThat(recordedIds(readWholeLog(store))).isEqualTo(idsOf(batch));
    }

    private static AppendResult withDuplicate(AppendResult first) {
        return new AppendResult(
                first.streamId(), first.firstVersion(), first.lastVersion(), first.lastPosition(), true);
    }
}
