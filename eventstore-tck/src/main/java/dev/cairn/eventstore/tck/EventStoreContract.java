package dev.cairn.eventstore.tck;

import static dev.cairn.core.store.ExpectedVersion.any;
import static dev.cairn.core.store.ExpectedVersion.exactly;
import static dev.cairn.core.store.ExpectedVersion.noStream;
import static dev.cairn.eventstore.tck.Events.concat;
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
import static org.awaitility.Awaitility.await;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.AppendRules;
import dev.cairn.core.store.DuplicateEventIdException;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.Subscription;
import dev.cairn.core.store.WrongExpectedVersionException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The conformance suite every event store passes: requirements 1–7 and 9 of
 * {@link dev.cairn.core.store}. A store's test module extends it and implements {@link #newStore()};
 * each test gets a fresh store and the suite closes it afterwards. Durable stores also extend
 * {@link DurableEventStoreContract} (requirement 8), and every store runs {@link EventStoreProperties}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class EventStoreContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    private EventStore store;

    /** A new, empty store. Called once per test; the suite closes it. */
    protected abstract EventStore newStore();

    @BeforeEach
    protected final void openFreshStore() {
        store = newStore();
    }

    @AfterEach
    protected final void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private record LogState(long head, List<String> log) {}

    private LogState logState() {
        return new LogState(store.headPosition(), fingerprints(readWholeLog(store)));
    }

    private void assertUnchanged(LogState before) {
        assertThat(store.headPosition()).as("head").isEqualTo(before.head());
        assertThat(fingerprints(readWholeLog(store))).as("log").isEqualTo(before.log());
    }

    private void assertNoStream(String streamId) {
        assertThat(store.streamVersion(streamId)).as("version of %s", streamId).isEqualTo(ExpectedVersion.NO_STREAM_VERSION);
        assertThat(store.readStream(streamId, 0)).as("events of %s", streamId).isEmpty();
    }

    /** An acknowledged append: what was written and what the store answered. */
    private record Ack(String streamId, List<NewEvent> batch, AppendResult result) {}

    /** Requirements 1 and 3, and the argument checks every store shares. */
    @Nested
    class Appending {

        @Test
        void versions_are_contiguous_from_zero_across_appends() {
            // given
            List<NewEvent> first = events(3);
            List<NewEvent> second = events(2);

            // when
            store.append("order-1", noStream(), first);
            store.append("order-1", exactly(2), second);

            // then
            List<RecordedEvent> stream = store.readStream("order-1", 0);
            List<NewEvent> written = concat(first, second);
            assertThat(stream).hasSize(5);
            for (int v = 0; v < 5; v++) {
                assertRecordedAs(stream.get(v), written.get(v), "order-1", v);
            }
        }

        @Test
        void the_result_names_the_stream_the_versions_and_the_last_position() {
            // given
            store.append("kitchen-1", noStream(), events(2));
            List<NewEvent> batch = events(3);

            // when
            AppendResult first = store.append("order-1", noStream(), batch);
            AppendResult second = store.append("order-1", exactly(2), events(1));

            // then
            assertThat(first).isEqualTo(new AppendResult("order-1", 0, 2, positionOf(batch.getLast().eventId()), false));
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
            assertThat(withoutTheOldEvent.duplicate()).as("the new ids of the failed batch were not recorded").isFalse();
            assertThat(withoutTheOldEvent.firstVersion()).isEqualTo(1);
        }

        @Test
        void a_batch_whose_last_event_belongs_to_another_stream_appends_none_of_it() {
            // given
            NewEvent elsewhere = event();
            store.append("kitchen-1", noStream(), List.of(elsewhere));
            LogState before = logState();

            // when
            Throwable failure = catchThrowable(() -> store.append("order-1", noStream(), List.of(event(), event(), elsewhere)));

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
        void a_null_stream_id_is_rejected_and_appends_nothing() {
            // when
            Throwable failure = catchThrowable(() -> store.append(null, any(), events(1)));

            // then
            assertThat(failure).isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class);
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
            NewEvent aAgain = new NewEvent(a.eventId(), "tck.C", "other".getBytes(UTF_8), a.correlationId(), a.causationId());

            // when
            Throwable failure = catchThrowable(() -> store.append("order-1", noStream(), List.of(a, b, aAgain)));

            // then
            assertThat(failure).isInstanceOf(IllegalArgumentException.class);
            assertThat(store.headPosition()).isZero();
            assertNoStream("order-1");
            assertThat(store.append("order-1", noStream(), List.of(a, b)).duplicate())
                    .as("ids of the rejected batch were not recorded").isFalse();
        }

        @Test
        void streams_keep_separate_versions() {
            // when
            store.append("order-1", noStream(), events(2));
            AppendResult other = store.append("order-2", noStream(), events(3));
            AppendResult again = store.append("order-1", exactly(1), events(1));

            // then
            assertThat(other.firstVersion()).isZero();
            assertThat(other.lastVersion()).isEqualTo(2);
            assertThat(again.firstVersion()).isEqualTo(2);
            assertThat(store.streamVersion("order-1")).isEqualTo(2);
            assertThat(store.streamVersion("order-2")).isEqualTo(2);
        }
    }

    private long positionOf(UUID eventId) {
        return readWholeLog(store).stream().filter(e -> e.eventId().equals(eventId)).findFirst()
                .orElseThrow(() -> new AssertionError("event " + eventId + " is not in the log")).position();
    }

    /** Requirement 2. */
    @Nested
    class OptimisticConcurrency {

        @Test
        void no_stream_appends_to_a_stream_that_has_no_events() {
            // when
            AppendResult result = store.append("order-1", noStream(), events(2));

            // then
            assertThat(result.firstVersion()).isZero();
            assertThat(result.lastVersion()).isEqualTo(1);
        }

        @Test
        void no_stream_fails_when_the_stream_has_events_and_appends_nothing() {
            // given
            store.append("order-1", noStream(), events(1));
            LogState before = logState();

            // when / then
            assertThatExceptionOfType(WrongExpectedVersionException.class)
                    .isThrownBy(() -> store.append("order-1", noStream(), events(2)))
                    .satisfies(e -> {
                        assertThat(e.streamId()).isEqualTo("order-1");
                        assertThat(e.expected()).isEqualTo(noStream());
                        assertThat(e.actualVersion()).isZero();
                    });
            assertUnchanged(before);
        }

        @Test
        void exact_appends_only_at_the_current_version() {
            // given
            store.append("order-1", noStream(), events(3));
            LogState before = logState();

            // when
            Throwable behind = catchThrowable(() -> store.append("order-1", exactly(1), events(1)));
            Throwable ahead = catchThrowable(() -> store.append("order-1", exactly(3), events(1)));

            // then
            assertThat(behind).isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                assertThat(e.actualVersion()).isEqualTo(2);
                assertThat(e.expected()).isEqualTo(exactly(1));
            });
            assertThat(ahead).isInstanceOfSatisfying(WrongExpectedVersionException.class,
                    e -> assertThat(e.actualVersion()).isEqualTo(2));
            assertUnchanged(before);
            assertThat(store.append("order-1", exactly(2), events(1)).firstVersion()).isEqualTo(3);
        }

        @Test
        void exact_fails_on_a_stream_that_does_not_exist() {
            // when / then
            assertThatExceptionOfType(WrongExpectedVersionException.class)
                    .isThrownBy(() -> store.append("order-1", exactly(0), events(1)))
                    .satisfies(e -> assertThat(e.actualVersion()).isEqualTo(ExpectedVersion.NO_STREAM_VERSION));
            assertThat(store.headPosition()).isZero();
            assertNoStream("order-1");
        }

        @Test
        void the_expected_version_is_that_of_the_target_stream_only() {
            // given
            store.append("order-1", noStream(), events(3));

            // when
            Throwable failure = catchThrowable(() -> store.append("order-2", exactly(2), events(1)));
            AppendResult created = store.append("order-2", noStream(), events(1));

            // then
            assertThat(failure).isInstanceOfSatisfying(WrongExpectedVersionException.class,
                    e -> assertThat(e.actualVersion()).isEqualTo(ExpectedVersion.NO_STREAM_VERSION));
            assertThat(created.firstVersion()).isZero();
        }

        @Test
        void any_appends_whatever_the_version() {
            // when
            AppendResult first = store.append("order-1", any(), events(2));
            AppendResult second = store.append("order-1", any(), events(1));

            // then
            assertThat(first.firstVersion()).isZero();
            assertThat(second.firstVersion()).isEqualTo(2);
            assertThat(store.streamVersion("order-1")).isEqualTo(2);
        }

        @Test
        void writers_racing_with_the_same_expected_version_exactly_one_wins_each_round() throws Exception {
            // given
            int writers = 4;
            int rounds = 25;
            CyclicBarrier barrier = new CyclicBarrier(writers);
            record Attempt(int round, List<NewEvent> batch, AppendResult result, WrongExpectedVersionException conflict) {}

            // when
            List<List<Attempt>> attempts;
            try (Workers workers = new Workers(writers)) {
                List<Future<List<Attempt>>> futures = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    futures.add(workers.submit(() -> {
                        List<Attempt> mine = new ArrayList<>();
                        for (int round = 0; round < rounds; round++) {
                            List<NewEvent> batch = events(2);
                            barrier.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                            ExpectedVersion expected = ExpectedVersion.of(2L * round - 1);
                            try {
                                mine.add(new Attempt(round, batch, store.append("order-1", expected, batch), null));
                            } catch (WrongExpectedVersionException conflict) {
                                mine.add(new Attempt(round, batch, null, conflict));
                            }
                        }
                        return mine;
                    }));
                }
                attempts = Workers.results(futures, TIMEOUT);
            }

            // then
            List<RecordedEvent> stream = store.readStream("order-1", 0);
            assertThat(stream).hasSize(2 * rounds);
            for (int round = 0; round < rounds; round++) {
                int r = round;
                List<Attempt> inRound = attempts.stream().flatMap(List::stream).filter(a -> a.round() == r).toList();
                List<Attempt> won = inRound.stream().filter(a -> a.result() != null).toList();
                assertThat(won).as("winners of round %d", round).hasSize(1);
                assertThat(won.getFirst().result().firstVersion()).isEqualTo(2L * round);
                assertThat(recordedIds(stream.subList(2 * round, 2 * round + 2))).isEqualTo(idsOf(won.getFirst().batch()));
                inRound.stream().filter(a -> a.conflict() != null).forEach(lost ->
                        assertThat(lost.conflict().actualVersion()).as("version a loser of round %d saw", r).isEqualTo(2L * r + 1));
            }
            assertThat(readWholeLog(store)).hasSize(2 * rounds);
        }
    }

    /** Requirement 7. */
    @Nested
    class IdempotentAppends {

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
                    .as("the new id was not recorded by the rejected appends").isFalse();
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
            assertThat(recordedFirst).isInstanceOfSatisfying(DuplicateEventIdException.class,
                    e -> assertThat(e.eventId()).as("the id the failure names").isEqualTo(recorded.eventId()));
            assertThat(recordedLast).isInstanceOfSatisfying(DuplicateEventIdException.class,
                    e -> assertThat(e.eventId()).as("the id the failure names").isEqualTo(recorded.eventId()));
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
            assertThat(intoNewStream).isInstanceOfSatisfying(DuplicateEventIdException.class,
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
            AppendResult first = results.stream().filter(r -> !r.duplicate()).findFirst().orElseThrow();
            assertThat(results).filteredOn(AppendResult::duplicate).containsOnly(withDuplicate(first));
            assertThat(recordedIds(readWholeLog(store))).isEqualTo(idsOf(batch));
        }

        private static AppendResult withDuplicate(AppendResult first) {
            return new AppendResult(first.streamId(), first.firstVersion(), first.lastVersion(), first.lastPosition(), true);
        }
    }

    /** Reading one stream, as command handlers do. */
    @Nested
    class ReadingStreams {

        @Test
        void reads_a_stream_forward_from_a_version_with_at_most_max_count() {
            // given
            List<NewEvent> written = events(10);
            store.append("order-1", noStream(), written.subList(0, 4));
            store.append("order-2", noStream(), events(2));
            store.append("order-1", exactly(3), written.subList(4, 10));

            // when / then
            assertThat(recordedIds(store.readStream("order-1", 0))).isEqualTo(idsOf(written));
            assertThat(recordedIds(store.readStream("order-1", 4))).isEqualTo(idsOf(written.subList(4, 10)));
            assertThat(store.readStream("order-1", 4, 3)).extracting(RecordedEvent::version).containsExactly(4L, 5L, 6L);
            assertThat(store.readStream("order-1", 9, 5)).extracting(RecordedEvent::version).containsExactly(9L);
            assertThat(store.readStream("order-1", 0, 1)).extracting(RecordedEvent::version).containsExactly(0L);
            assertThat(store.readStream("order-1", 0, Integer.MAX_VALUE)).hasSize(10);
        }

        @ParameterizedTest
        @ValueSource(longs = {3, 4, 1_000, Integer.MAX_VALUE, 1L << 32, Long.MAX_VALUE})
        void reading_from_beyond_the_last_version_reads_empty(long fromVersion) {
            // given
            store.append("order-1", noStream(), events(3));

            // when
            List<RecordedEvent> events = store.readStream("order-1", fromVersion, 10);

            // then
            assertThat(events).isEmpty();
        }

        @Test
        void an_unknown_stream_reads_empty_and_has_no_version() {
            // given
            store.append("order-1", noStream(), events(2));

            // when / then
            assertNoStream("order-2");
            assertNoStream("order");
            assertThat(store.readStream("order-2", 0, 5)).isEmpty();
        }

        @Test
        void the_stream_version_follows_appends() {
            // when / then
            assertThat(store.streamVersion("order-1")).isEqualTo(ExpectedVersion.NO_STREAM_VERSION);
            store.append("order-1", noStream(), events(1));
            assertThat(store.streamVersion("order-1")).isZero();
            store.append("order-1", exactly(0), events(2));
            assertThat(store.streamVersion("order-1")).isEqualTo(2);
        }

        @Test
        void stream_ids_are_compared_exactly() {
            // given
            List<String> ids = List.of("order-1", "order-10", "Order-1", "order-1 ", "order-1-a", "order_1", "order");
            Map<String, List<NewEvent>> written = new LinkedHashMap<>();
            for (String id : ids) {
                List<NewEvent> batch = events(1 + written.size() % 3);
                written.put(id, batch);
                store.append(id, noStream(), batch);
            }

            // when / then
            for (String id : ids) {
                assertThat(recordedIds(store.readStream(id, 0))).as("stream '%s'", id).isEqualTo(idsOf(written.get(id)));
                assertThat(store.streamVersion(id)).as("version of '%s'", id).isEqualTo(written.get(id).size() - 1L);
            }
        }

        @Test
        void a_stream_read_carries_the_same_records_as_the_log() {
            // given
            for (int i = 0; i < 6; i++) {
                store.append("order-" + i % 2, any(), events(1 + i % 3));
                store.append("kitchen-1", any(), events(1));
            }

            // when
            List<RecordedEvent> log = readWholeLog(store);
            List<RecordedEvent> stream = store.readStream("order-1", 0);

            // then
            assertSameRecords(stream, log.stream().filter(e -> e.streamId().equals("order-1")).toList());
            assertThat(stream).extracting(RecordedEvent::version).containsExactlyElementsOf(
                    IntStream.range(0, stream.size()).mapToObj(v -> (long) v).toList());
        }
    }

    /** Requirements 4 and 6: positions, paging, filters and the head. */
    @Nested
    class ReadingTheLog {

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
                assertThat(log.get(i).position()).as("position of event %d", i).isGreaterThan(log.get(i - 1).position());
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
                assertThat(fingerprints(store.readAll(e.position() - 1, 1))).as("just before event %d", i)
                        .containsExactly(Logs.fingerprint(e));
                assertThat(fingerprints(store.readAll(e.position(), 2)))
                        .as("after event %d", i).isEqualTo(fingerprints(log.subList(i + 1, Math.min(i + 3, log.size()))));
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
            String[] streams = {"order-1", "kitchen-1", "order-2", "orderline-1", "order", "order-x-y", "kitchen-order-1", "Order-3"};
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
            assertThat(recordedIds(ordersAndKitchen)).isEqualTo(idsMatching(written,
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
            assertThat(recordedIds(cancelled)).isNotEmpty()
                    .isEqualTo(idsMatching(written, w -> w.event().type().equals("tck.Cancelled")));
            assertThat(recordedIds(either)).isEqualTo(idsMatching(written, w -> !w.event().type().equals("tck.Placed")));
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
            for (List<RecordedEvent> page = store.readAll(after, 3, filter); !page.isEmpty(); page = store.readAll(after, 3, filter)) {
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
            assertThat(store.readAll(0, 10, new EventFilter(Set.of("orderline"), Set.of("tck.Cancelled")))).isEmpty();
        }

        @Test
        void every_event_at_or_below_the_head_is_readable_and_none_joins_it_later() throws Exception {
            // given
            record Sample(long head, List<String> upToHead) {}
            List<Sample> samples = new ArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger appended = new AtomicInteger();

            // when: sampling while the writers append, the last sample once they have a few hundred events in
            try (Workers workers = new Workers(2)) {
                List<Future<Integer>> writers = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    int writer = w;
                    writers.add(workers.submit(() -> {
                        int appends = 0;
                        while (!stop.get() && appends < 5_000) {
                            store.append("order-" + writer + "-" + appends % 5, any(), events(1 + appends % 2));
                            appended.incrementAndGet();
                            appends++;
                        }
                        return appends;
                    }));
                }
                while (samples.size() < 61 && writers.stream().noneMatch(Future::isDone)) {
                    if (samples.size() == 60) {
                        await().atMost(TIMEOUT).until(() -> appended.get() >= 200 || writers.stream().anyMatch(Future::isDone));
                    }
                    long head = store.headPosition();
                    List<RecordedEvent> upToHead = readWholeLog(store).stream().filter(e -> e.position() <= head).toList();
                    samples.add(new Sample(head, fingerprints(upToHead)));
                }
                stop.set(true);
                Workers.results(writers, TIMEOUT);
            }

            // then
            List<RecordedEvent> log = readWholeLog(store);
            assertThat(log).hasSizeGreaterThanOrEqualTo(200);
            assertThat(store.headPosition()).isEqualTo(log.getLast().position());
            for (Sample sample : samples) {
                List<String> finalUpToHead = fingerprints(log.stream().filter(e -> e.position() <= sample.head()).toList());
                assertThat(sample.upToHead()).as("events at or below head %d", sample.head()).isEqualTo(finalUpToHead);
                if (sample.head() > 0) {
                    assertThat(finalUpToHead).as("an event at head %d", sample.head()).isNotEmpty();
                }
            }
        }
    }

    /** {@code awaitHeadAfter}: what tailing readers and the default subscription wait on. */
    @Nested
    class WaitingForTheHead {

        @Test
        void returns_true_at_once_when_the_head_is_already_past_the_position() throws Exception {
            // given
            store.append("order-1", noStream(), events(3));
            long head = store.headPosition();

            // when
            List<Boolean> moved;
            try (Workers workers = new Workers(1)) {
                moved = Workers.result(workers.submit(() ->
                        List.of(store.awaitHeadAfter(head - 1, Duration.ofSeconds(30)), store.awaitHeadAfter(0, Duration.ofSeconds(30)))), PROMPTLY);
            }

            // then
            assertThat(moved).containsExactly(true, true);
        }

        @Test
        void wakes_promptly_when_an_append_moves_the_head() throws Exception {
            // given
            store.append("order-1", noStream(), events(1));
            long head = store.headPosition();

            try (Workers workers = new Workers(1)) {
                Future<Boolean> waiter = workers.submit(() -> store.awaitHeadAfter(head, Duration.ofSeconds(60)));
                await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                        .until(() -> !waiter.isDone());

                // when
                store.append("order-1", exactly(0), events(1));
                long appended = System.nanoTime();

                // then
                assertThat(Workers.result(waiter, PROMPTLY)).isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - appended)).isLessThan(PROMPTLY);
            }
        }

        @Test
        void returns_false_after_the_timeout_when_nothing_is_appended() throws Exception {
            // given
            store.append("order-1", noStream(), events(2));
            long head = store.headPosition();

            // when
            long started = System.nanoTime();
            boolean moved = store.awaitHeadAfter(head, Duration.ofMillis(300));
            Duration waited = Duration.ofNanos(System.nanoTime() - started);

            // then
            assertThat(moved).isFalse();
            assertThat(waited).isBetween(Duration.ofMillis(250), PROMPTLY);
        }

        @Test
        void an_interrupted_wait_ends_promptly_and_keeps_the_interrupt() throws Exception {
            // given
            AtomicReference<Thread> waiting = new AtomicReference<>();
            try (Workers workers = new Workers(1)) {
                Future<String> waiter = workers.submit(() -> {
                    waiting.set(Thread.currentThread());
                    try {
                        boolean moved = store.awaitHeadAfter(0, Duration.ofSeconds(60));
                        return "returned " + moved + (Thread.currentThread().isInterrupted() ? ", still interrupted" : ", interrupt lost");
                    } catch (InterruptedException e) {
                        return "interrupted";
                    }
                });
                await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !waiter.isDone());

                // when
                waiting.get().interrupt();

                // then
                assertThat(Workers.result(waiter, PROMPTLY)).isIn("interrupted", "returned false, still interrupted");
            }
        }
    }

    /** Requirements 5 and 6 under concurrency, and the atomic visibility of requirement 1. */
    @Nested
    class ConsistentOrdering {

        @Test
        void readers_tailing_while_writers_append_all_see_one_and_the_same_order() throws Exception {
            // given
            int writers = 3;
            int appendsPerWriter = 60;
            List<Tailer> tailers = List.of(new Tailer(store, EventFilter.all()), new Tailer(store, EventFilter.all()),
                    new Tailer(store, EventFilter.categories("order")));
            CountDownLatch start = new CountDownLatch(1);

            // when
            List<List<Ack>> acks;
            List<List<RecordedEvent>> seen;
            try (Workers workers = new Workers(writers + tailers.size())) {
                List<Future<List<RecordedEvent>>> readers = tailers.stream().map(workers::submit).toList();
                List<Future<List<Ack>>> futures = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    futures.add(workers.submit(() -> {
                        start.await();
                        List<Ack> mine = new ArrayList<>();
                        for (int i = 0; i < appendsPerWriter; i++) {
                            String stream = (i + writer) % 4 == 0 ? "kitchen-" + i % 3 : "order-" + (i * 7 + writer) % 6;
                            List<NewEvent> batch = events(1 + (i + writer) % 3);
                            mine.add(new Ack(stream, batch, store.append(stream, any(), batch)));
                        }
                        return mine;
                    }));
                }
                start.countDown();
                acks = Workers.results(futures, TIMEOUT);
                long head = store.headPosition();
                tailers.forEach(t -> t.stopAt(head));
                seen = Workers.results(readers, TIMEOUT);
            }

            // then
            List<RecordedEvent> log = readWholeLog(store);
            assertAcknowledgedAppendsAreInTheLog(acks, log);
            assertThat(fingerprints(seen.get(0))).as("first reader").isEqualTo(fingerprints(log));
            assertThat(fingerprints(seen.get(1))).as("second reader").isEqualTo(fingerprints(log));
            assertThat(fingerprints(seen.get(2))).as("reader of category order").isEqualTo(
                    fingerprints(log.stream().filter(e -> e.category().equals("order")).toList()));
        }

        private void assertAcknowledgedAppendsAreInTheLog(List<List<Ack>> acksPerWriter, List<RecordedEvent> log) {
            Map<UUID, RecordedEvent> byId = new HashMap<>();
            for (RecordedEvent e : log) {
                assertThat(byId.put(e.eventId(), e)).as("event %s appears twice", e.eventId()).isNull();
            }
            int acknowledged = 0;
            for (List<Ack> acks : acksPerWriter) {
                long previousLastPosition = 0;
                for (Ack ack : acks) {
                    AppendResult result = ack.result();
                    assertThat(result.duplicate()).isFalse();
                    assertThat(result.lastVersion() - result.firstVersion() + 1).isEqualTo(ack.batch().size());
                    for (int i = 0; i < ack.batch().size(); i++) {
                        NewEvent written = ack.batch().get(i);
                        RecordedEvent recorded = byId.get(written.eventId());
                        assertThat(recorded).as("acknowledged event %s in the log", written.eventId()).isNotNull();
                        assertRecordedAs(recorded, written, ack.streamId(), result.firstVersion() + i);
                    }
                    long firstPosition = byId.get(ack.batch().getFirst().eventId()).position();
                    assertThat(byId.get(ack.batch().getLast().eventId()).position()).isEqualTo(result.lastPosition());
                    assertThat(firstPosition).as("a writer's appends are ordered as it made them").isGreaterThan(previousLastPosition);
                    previousLastPosition = result.lastPosition();
                    acknowledged += ack.batch().size();
                }
            }
            assertThat(log).as("the log holds the acknowledged events and nothing else").hasSize(acknowledged);
            Map<String, List<RecordedEvent>> byStream = new HashMap<>();
            log.forEach(e -> byStream.computeIfAbsent(e.streamId(), s -> new ArrayList<>()).add(e));
            byStream.forEach((stream, events) -> {
                assertThat(events).as("versions of %s in log order", stream).extracting(RecordedEvent::version)
                        .containsExactlyElementsOf(IntStream.range(0, events.size()).mapToObj(v -> (long) v).toList());
                assertThat(fingerprints(store.readStream(stream, 0))).as("stream %s", stream).isEqualTo(fingerprints(events));
            });
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
                        partial.add("readStream from version " + streamCursor + " returned " + fromStream.size() + " events");
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
            assertThat(partial).as("reads that saw part of an append of %d events", batchSize).isEmpty();
            assertThat(store.readStream("order-1", 0)).hasSize(batchSize * appends);
        }
    }

    /** Requirement 9. */
    @Nested
    class Subscriptions {

        @Test
        void hands_over_from_catch_up_to_live_without_loss_or_duplicates() throws Exception {
            // given a writer that starts before the subscription and is held back to a few hundred
            // events ahead of it, so delivery keeps crossing between catching up and waiting live
            int appends = 600;
            Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
            RecordingSink sink = new RecordingSink();
            try (Workers workers = new Workers(1)) {
                Future<Void> writer = workers.submit(() -> {
                    for (int i = 0; i < appends; i++) {
                        if (acknowledged.size() - sink.count() > 300) {
                            await().pollInSameThread().pollInterval(Duration.ofMillis(1)).atMost(TIMEOUT)
                                    .until(() -> acknowledged.size() - sink.count() < 50);
                        }
                        List<NewEvent> batch = events(1 + i % 3);
                        store.append((i % 4 == 0 ? "kitchen-" : "order-") + i % 7, any(), batch);
                        acknowledged.addAll(idsOf(batch));
                    }
                    return null;
                });
                await().atMost(TIMEOUT).until(() -> acknowledged.size() >= 200);

                // when
                try (Subscription subscription = store.subscribe(0, EventFilter.all(), sink)) {
                    Workers.result(writer, TIMEOUT);
                    sink.awaitDeliveryOf(readWholeLog(store), subscription, TIMEOUT);
                    List<NewEvent> live = events(3);
                    store.append("order-live", noStream(), live);
                    acknowledged.addAll(idsOf(live));
                    List<RecordedEvent> log = readWholeLog(store);
                    sink.awaitDeliveryOf(log, subscription, TIMEOUT);
                    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(() -> sink.count() == log.size());

                    // then
                    assertThat(log).hasSameSizeAs(acknowledged);
                    assertThat(new HashSet<>(recordedIds(log))).isEqualTo(acknowledged);
                    assertThat(fingerprints(sink.received())).isEqualTo(fingerprints(log));
                    assertThat(subscription.failure()).isNull();
                    assertThat(subscription.isClosed()).isFalse();
                    await().atMost(PROMPTLY).untilAsserted(() ->
                            assertThat(subscription.position()).isEqualTo(log.getLast().position()));
                    assertThat(sink.overlapped()).as("two deliveries overlapped").isFalse();
                    assertThat(sink.threads()).hasSize(1).doesNotContain(Thread.currentThread());
                }
            }
        }

        @Test
        void starts_after_the_given_position() {
            // given
            store.append("order-1", noStream(), events(10));
            List<RecordedEvent> log = readWholeLog(store);
            long after = log.get(3).position();
            RecordingSink sink = new RecordingSink();

            // when
            try (Subscription subscription = store.subscribe(after, EventFilter.all(), sink)) {
                sink.awaitDeliveryOf(log.subList(4, 10), subscription, TIMEOUT);
                store.append("order-1", exactly(9), events(2));
                List<RecordedEvent> expected = readWholeLog(store).subList(4, 12);
                sink.awaitDeliveryOf(expected, subscription, TIMEOUT);

                // then
                assertThat(fingerprints(sink.received())).isEqualTo(fingerprints(expected));
                assertThat(subscription.failure()).isNull();
            }
        }

        @Test
        void from_the_head_delivers_only_later_events() {
            // given
            store.append("order-1", noStream(), events(5));
            RecordingSink sink = new RecordingSink();

            // when
            try (Subscription subscription = store.subscribe(store.headPosition(), EventFilter.all(), sink)) {
                List<NewEvent> later = events(2);
                store.append("order-2", noStream(), later);
                sink.awaitDeliveryOf(store.readStream("order-2", 0), subscription, TIMEOUT);

                // then
                await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> sink.count() == 2);
                assertThat(recordedIds(sink.received())).isEqualTo(idsOf(later));
                long head = store.headPosition();
                await().atMost(PROMPTLY).untilAsserted(() -> assertThat(subscription.position()).isEqualTo(head));
            }
        }

        @Test
        void delivers_only_events_matching_its_filter_and_moves_past_the_others() {
            // given
            EventFilter filter = new EventFilter(Set.of("order"), Set.of("tck.Placed"));
            store.append("order-1", noStream(), List.of(event("tck.Placed"), event("tck.Served")));
            store.append("kitchen-1", noStream(), List.of(event("tck.Placed")));
            store.append("order-2", noStream(), List.of(event("tck.Placed")));
            RecordingSink sink = new RecordingSink();

            // when
            try (Subscription subscription = store.subscribe(0, filter, sink)) {
                sink.awaitDeliveryOf(readWholeLog(store, filter), subscription, TIMEOUT);
                store.append("kitchen-2", noStream(), List.of(event("tck.Placed")));
                store.append("order-3", noStream(), List.of(event("tck.Served"), event("tck.Placed")));
                store.append("order-1", exactly(1), List.of(event("tck.Served")));
                List<RecordedEvent> expected = readWholeLog(store, filter);
                sink.awaitDeliveryOf(expected, subscription, TIMEOUT);

                // then
                assertThat(expected).hasSize(3);
                assertThat(fingerprints(sink.received())).isEqualTo(fingerprints(expected));
                long head = store.headPosition();
                await().atMost(TIMEOUT).untilAsserted(() ->
                        assertThat(subscription.position()).as("position after skipping the last events").isEqualTo(head));
            }
        }

        @Test
        void a_failing_sink_stops_the_subscription_and_its_failure_is_reported() {
            // given
            store.append("order-1", noStream(), events(5));
            List<RecordedEvent> log = readWholeLog(store);
            IOException failure = new IOException("the sink failed on purpose");
            RecordingSink sink = RecordingSink.failingOnAttempt(3, failure);

            // when
            try (Subscription subscription = store.subscribe(0, EventFilter.all(), sink)) {
                await().atMost(TIMEOUT).until(subscription::isClosed);
                store.append("order-1", exactly(4), events(2));

                // then
                assertThat(causes(subscription.failure())).as("reported failure and its causes").contains(failure);
                await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(() -> sink.attempts() == 3);
                assertThat(fingerprints(sink.received())).isEqualTo(fingerprints(log.subList(0, 2)));
                assertThat(subscription.position()).as("position of the last event handled").isEqualTo(log.get(1).position());
            }
        }

        @Test
        void a_sink_that_throws_interrupted_exception_stops_the_subscription_and_it_is_reported() {
            // given: a sink whose own blocking call was interrupted, while nobody closed the subscription
            store.append("order-1", noStream(), events(3));
            InterruptedException failure = new InterruptedException("the sink was interrupted on purpose");
            RecordingSink sink = RecordingSink.failingOnAttempt(2, failure);

            // when
            try (Subscription subscription = store.subscribe(0, EventFilter.all(), sink)) {
                await().atMost(TIMEOUT).until(subscription::isClosed);

                // then
                assertThat(causes(subscription.failure())).as("reported failure and its causes").contains(failure);
                assertThat(sink.attempts()).isEqualTo(2);
            }
        }

        @Test
        void close_stops_delivery_promptly() {
            // given
            store.append("order-1", noStream(), events(3));
            RecordingSink sink = new RecordingSink();
            Subscription subscription = store.subscribe(0, EventFilter.all(), sink);
            sink.awaitDeliveryOf(store.readStream("order-1", 0), subscription, TIMEOUT);
            assertThat(sink.count()).isEqualTo(3);

            // when
            long started = System.nanoTime();
            subscription.close();
            Duration closing = Duration.ofNanos(System.nanoTime() - started);
            store.append("order-1", exactly(2), events(3));

            // then
            assertThat(closing).isLessThan(PROMPTLY);
            assertThat(subscription.isClosed()).isTrue();
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(() -> sink.count() == 3);
            assertThat(subscription.failure()).isNull();
            subscription.close();
        }

        private static List<Throwable> causes(Throwable failure) {
            List<Throwable> chain = new ArrayList<>();
            for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
                chain.add(t);
            }
            return chain;
        }
    }

    /** Events come back exactly as written, whatever their size or characters. */
    @Nested
    class Payloads {

        @ParameterizedTest
        @ValueSource(ints = {1 << 20, 4 * (1 << 20) + 7})
        void a_large_payload_round_trips_byte_exactly(int size) {
            // given
            NewEvent large = event("tck.Large", randomBytes(size, size));

            // when
            store.append("order-1", noStream(), List.of(large));
            store.append("order-2", noStream(), events(1));

            // then
            assertRecordedAs(store.readStream("order-1", 0).getFirst(), large, "order-1", 0);
            assertRecordedAs(store.readAll(0, 1).getFirst(), large, "order-1", 0);
        }

        @Test
        void a_batch_of_several_large_payloads_round_trips_byte_exactly() {
            // given
            List<NewEvent> batch = IntStream.range(0, 3).mapToObj(i -> event("tck.Large", randomBytes(1 << 20, i))).toList();

            // when
            store.append("order-1", noStream(), batch);

            // then
            List<RecordedEvent> stream = store.readStream("order-1", 0);
            assertThat(stream).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertRecordedAs(stream.get(i), batch.get(i), "order-1", i);
            }
        }

        @Test
        void an_empty_payload_and_every_byte_value_round_trip() {
            // given
            byte[] everyByte = new byte[1024];
            for (int i = 0; i < everyByte.length; i++) {
                everyByte[i] = (byte) i;
            }
            byte[] invalidUtf8 = {(byte) 0xC3, 0, (byte) 0xFF, (byte) 0xFE, '\r', '\n', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
            List<NewEvent> batch = List.of(event("tck.Empty", new byte[0]), event("tck.Bytes", everyByte), event("tck.Bytes", invalidUtf8));

            // when
            store.append("order-1", noStream(), batch);

            // then
            List<RecordedEvent> stream = store.readStream("order-1", 0);
            for (int i = 0; i < batch.size(); i++) {
                assertRecordedAs(stream.get(i), batch.get(i), "order-1", i);
            }
        }

        @Test
        void unicode_stream_ids_type_names_and_payloads_round_trip() {
            // given
            String dessert = "commande-crème-brûlée-🍮";
            String kanji = "注文-四十二";
            NewEvent placed = event("ordering.CommandePassée✓", "ünïcödé 🎉 日本語 ∑ \u0000 end".getBytes(UTF_8));
            NewEvent emoji = event("tck.🎉Party", "👩‍👩‍👧‍👦".getBytes(UTF_8));
            NewEvent kanjiEvent = event("注文.作成", "四十二".getBytes(UTF_8));

            // when
            store.append(dessert, noStream(), List.of(placed, emoji));
            store.append(kanji, noStream(), List.of(kanjiEvent));

            // then
            List<RecordedEvent> stream = store.readStream(dessert, 0);
            assertRecordedAs(stream.get(0), placed, dessert, 0);
            assertRecordedAs(stream.get(1), emoji, dessert, 1);
            assertRecordedAs(store.readStream(kanji, 0).getFirst(), kanjiEvent, kanji, 0);
            assertThat(recordedIds(store.readAll(0, 10, EventFilter.categories("注文")))).containsExactly(kanjiEvent.eventId());
            assertThat(recordedIds(store.readAll(0, 10, EventFilter.categories("commande")))).containsExactly(placed.eventId(), emoji.eventId());
            assertThat(recordedIds(store.readAll(0, 10, EventFilter.types("tck.🎉Party")))).containsExactly(emoji.eventId());
        }

        @Test
        void the_longest_accepted_stream_id_and_type_name_round_trip_in_multi_byte_characters() {
            // given: 255 characters that take 3 (or 4, as surrogate pairs) bytes each in UTF-8
            String streamId = "类-" + "类".repeat(253);
            String emojiStreamId = "🍮".repeat(127) + "x";
            NewEvent longType = event("€".repeat(NewEvent.MAX_TYPE_LENGTH));
            NewEvent emojiType = event("🎉".repeat(NewEvent.MAX_TYPE_LENGTH / 2));

            // when
            store.append(streamId, noStream(), List.of(longType));
            store.append(emojiStreamId, noStream(), List.of(emojiType));

            // then
            assertThat(streamId).hasSize(255);
            assertRecordedAs(store.readStream(streamId, 0).getFirst(), longType, streamId, 0);
            assertRecordedAs(store.readStream(emojiStreamId, 0).getFirst(), emojiType, emojiStreamId, 0);
            assertThat(recordedIds(store.readAll(0, 10, EventFilter.types(longType.type())))).containsExactly(longType.eventId());
        }

        @Test
        void metadata_is_the_same_through_every_read() {
            // given
            NewEvent caused = new NewEvent(UUID.randomUUID(), "tck.Caused", "x".getBytes(UTF_8), UUID.randomUUID(), UUID.randomUUID());
            NewEvent selfCaused = NewEvent.of(UUID.randomUUID(), "tck.Started", new byte[] {1, 2, 3});
            store.append("order-1", noStream(), List.of(selfCaused, caused));
            RecordingSink sink = new RecordingSink();

            // when
            List<RecordedEvent> fromStream = store.readStream("order-1", 0);
            List<RecordedEvent> fromLog = store.readAll(0, 10);
            List<RecordedEvent> delivered;
            try (Subscription subscription = store.subscribe(0, EventFilter.all(), sink)) {
                sink.awaitDeliveryOf(fromStream, subscription, TIMEOUT);
                delivered = sink.received();
                assertThat(subscription.failure()).isNull();
            }

            // then
            assertRecordedAs(fromStream.get(0), selfCaused, "order-1", 0);
            assertRecordedAs(fromStream.get(1), caused, "order-1", 1);
            assertSameRecords(fromLog, fromStream);
            assertSameRecords(delivered, fromStream);
        }
    }

    /** Enough streams that per-stream indexes have to work. */
    @Nested
    class ManyStreams {

        @Test
        @Timeout(value = 180, unit = TimeUnit.SECONDS)
        void ten_thousand_streams_read_back_correctly() throws Exception {
            // given
            int streams = 10_000;
            int writers = 4;
            Map<String, List<NewEvent>> written = new ConcurrentHashMap<>();

            // when
            try (Workers workers = new Workers(writers)) {
                List<Future<Void>> futures = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    futures.add(workers.submit(() -> {
                        for (int i = writer; i < streams; i += writers) {
                            String stream = "many-" + i;
                            List<NewEvent> batch = new ArrayList<>();
                            for (int k = 0; k <= i % 3; k++) {
                                batch.add(event("tck.Many" + k, (stream + " event " + k).getBytes(UTF_8)));
                            }
                            store.append(stream, noStream(), batch);
                            written.put(stream, batch);
                        }
                        return null;
                    }));
                }
                Workers.results(futures, Duration.ofSeconds(150));
            }

            // then
            int total = 0;
            for (int i = 0; i < streams; i++) {
                String stream = "many-" + i;
                List<NewEvent> batch = written.get(stream);
                List<RecordedEvent> read = store.readStream(stream, 0);
                assertThat(read).as("stream %s", stream).hasSize(batch.size());
                for (int k = 0; k < batch.size(); k++) {
                    assertRecordedAs(read.get(k), batch.get(k), stream, k);
                }
                assertThat(store.streamVersion(stream)).as("version of %s", stream).isEqualTo(batch.size() - 1L);
                total += batch.size();
            }
            assertNoStream("many-" + streams);
            List<RecordedEvent> log = readWholeLog(store);
            assertThat(log).hasSize(total);
            assertThat(new HashSet<>(recordedIds(log))).hasSize(total);
            assertThat(readWholeLog(store, EventFilter.categories("many"))).hasSize(total);
            assertThat(readWholeLog(store, EventFilter.types("tck.Many2"))).hasSize(streams / 3);
        }
    }

    /** What {@link EventStore#close()} promises. */
    @Nested
    class ClosedStore {

        @Test
        void a_closed_store_refuses_appends_and_reads_as_unavailable() {
            // given
            store.append("order-1", noStream(), events(1));

            // when
            store.close();

            // then
            assertThatExceptionOfType(EventStoreUnavailableException.class).isThrownBy(() -> store.append("order-1", any(), events(1)));
            assertThatExceptionOfType(EventStoreUnavailableException.class).isThrownBy(() -> store.readStream("order-1", 0));
            assertThatExceptionOfType(EventStoreUnavailableException.class).isThrownBy(() -> store.streamVersion("order-1"));
            assertThatExceptionOfType(EventStoreUnavailableException.class).isThrownBy(() -> store.readAll(0, 10));
            assertThatExceptionOfType(EventStoreUnavailableException.class).isThrownBy(() -> store.headPosition());
        }

        @Test
        void waiting_for_the_head_of_a_closed_store_fails_as_unavailable() {
            // given
            store.append("order-1", noStream(), events(1));
            long head = store.headPosition();

            // when
            store.close();

            // then
            assertThatExceptionOfType(EventStoreUnavailableException.class)
                    .isThrownBy(() -> store.awaitHeadAfter(head, Duration.ofMillis(100)));
            assertThatExceptionOfType(EventStoreUnavailableException.class)
                    .isThrownBy(() -> store.awaitHeadAfter(0, Duration.ofMillis(100)));
        }

        @Test
        void subscribing_to_a_closed_store_fails_as_unavailable() {
            // given
            store.close();
            RecordingSink sink = new RecordingSink();

            // when
            Subscription subscription;
            try {
                subscription = store.subscribe(0, EventFilter.all(), sink);
            } catch (EventStoreUnavailableException refused) {
                return;
            }

            // then
            try (subscription) {
                await().atMost(TIMEOUT).until(subscription::isClosed);
                assertThat(subscription.failure()).isInstanceOf(EventStoreUnavailableException.class);
            }
        }

        @Test
        void closing_wakes_a_reader_waiting_for_the_head() throws Exception {
            // given
            store.append("order-1", noStream(), events(1));
            long head = store.headPosition();
            try (Workers workers = new Workers(1)) {
                Future<Boolean> waiter = workers.submit(() -> store.awaitHeadAfter(head, Duration.ofSeconds(60)));
                await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !waiter.isDone());

                // when
                store.close();

                // then
                await().atMost(PROMPTLY).until(waiter::isDone);
                Throwable outcome = catchThrowable(() -> assertThat(Workers.result(waiter, PROMPTLY)).isFalse());
                assertThat(outcome).as("the waiter returns false or fails as unavailable")
                        .satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(EventStoreUnavailableException.class));
            }
        }

        @Test
        void closing_the_store_stops_its_subscriptions() {
            // given
            store.append("order-1", noStream(), events(2));
            RecordingSink sink = new RecordingSink();
            try (Subscription subscription = store.subscribe(0, EventFilter.all(), sink)) {
                sink.awaitDeliveryOf(store.readStream("order-1", 0), subscription, TIMEOUT);

                // when
                store.close();

                // then
                await().atMost(PROMPTLY).until(subscription::isClosed);
                assertThat(subscription.failure()).satisfiesAnyOf(
                        f -> assertThat(f).isNull(), f -> assertThat(f).isInstanceOf(EventStoreUnavailableException.class));
            }
        }

        @Test
        void closing_twice_is_harmless() {
            // when
            store.close();

            // then
            store.close();
        }
    }
}
