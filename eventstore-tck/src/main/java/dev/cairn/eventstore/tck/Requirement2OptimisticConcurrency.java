package dev.cairn.eventstore.tck;

import static dev.cairn.core.store.ExpectedVersion.any;
import static dev.cairn.core.store.ExpectedVersion.exactly;
import static dev.cairn.core.store.ExpectedVersion.noStream;
import static dev.cairn.eventstore.tck.Events.events;
import static dev.cairn.eventstore.tck.Events.idsOf;
import static dev.cairn.eventstore.tck.Events.recordedIds;
import static dev.cairn.eventstore.tck.Logs.readWholeLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.WrongExpectedVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Requirement 2 of {@link dev.cairn.core.store}: optimistic concurrency — a wrong expected version
 * fails and appends nothing, and of writers racing with the same expected version exactly one wins.
 *
 * <p>Runs within {@link EventStoreContract}; a store may also extend it alone.
 */
public abstract class Requirement2OptimisticConcurrency extends StoreSuite {

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
        assertThat(ahead)
                .isInstanceOfSatisfying(
                        WrongExpectedVersionException.class,
                        e -> assertThat(e.actualVersion()).isEqualTo(2));
        assertUnchanged(before);
        assertThat(store.append("order-1", exactly(2), events(1)).firstVersion())
                .isEqualTo(3);
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
        assertThat(failure)
                .isInstanceOfSatisfying(
                        WrongExpectedVersionException.class,
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
            List<Attempt> inRound = attempts.stream()
                    .flatMap(List::stream)
                    .filter(a -> a.round() == r)
                    .toList();
            List<Attempt> won = inRound.stream().filter(a -> a.result() != null).toList();
            assertThat(won).as("winners of round %d", round).hasSize(1);
            assertThat(won.getFirst().result().firstVersion()).isEqualTo(2L * round);
            assertThat(recordedIds(stream.subList(2 * round, 2 * round + 2)))
                    .isEqualTo(idsOf(won.getFirst().batch()));
            inRound.stream()
                    .filter(a -> a.conflict() != null)
                    .forEach(lost -> assertThat(lost.conflict().actualVersion())
                            .as("version a loser of round %d saw", r)
                            .isEqualTo(2L * r + 1));
        }
        assertThat(readWholeLog(store)).hasSize(2 * rounds);
    }
}
