package dev.cairn.eventstore.tck;

import static dev.cairn.core.store.ExpectedVersion.any;
import static dev.cairn.core.store.ExpectedVersion.exactly;
import static dev.cairn.core.store.ExpectedVersion.noStream;
import static dev.cairn.eventstore.tck.Events.events;
import static dev.cairn.eventstore.tck.Logs.fingerprints;
import static dev.cairn.eventstore.tck.Logs.readWholeLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.core.store.RecordedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Requirement 6 of {@link dev.cairn.core.store}: a reader tailing the log never skips a committed
 * event and never sees one that may still be rolled back — every event at or below the head is
 * readable and none joins it later — and {@code awaitHeadAfter}, what tailing readers and the
 * default subscription wait on, wakes when the head moves.
 *
 * <p>Runs within {@link EventStoreContract}; a store may also extend it alone.
 */
public abstract class Requirement6TotalPropagation extends StoreSuite {

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
                    await().atMost(TIMEOUT)
                            .until(() ->
                                    appended.get() >= 200 || writers.stream().anyMatch(Future::isDone));
                }
                long head = store.headPosition();
                List<RecordedEvent> upToHead = readWholeLog(store).stream()
                        .filter(e -> e.position() <= head)
                        .toList();
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
            List<String> finalUpToHead = fingerprints(
                    log.stream().filter(e -> e.position() <= sample.head()).toList());
            assertThat(sample.upToHead())
                    .as("events at or below head %d", sample.head())
                    .isEqualTo(finalUpToHead);
            if (sample.head() > 0) {
                assertThat(finalUpToHead)
                        .as("an event at head %d", sample.head())
                        .isNotEmpty();
            }
        }
    }

    @Test
    void returns_true_at_once_when_the_head_is_already_past_the_position() throws Exception {
        // given
        store.append("order-1", noStream(), events(3));
        long head = store.headPosition();

        // when
        List<Boolean> moved;
        try (Workers workers = new Workers(1)) {
            moved = Workers.result(
                    workers.submit(() -> List.of(
                            store.awaitHeadAfter(head - 1, Duration.ofSeconds(30)),
                            store.awaitHeadAfter(0, Duration.ofSeconds(30)))),
                    PROMPTLY);
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
            Future<Boolean> waiter = readerWaitingForTheHeadAfter(workers, head);

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
                    return "returned " + moved
                            + (Thread.currentThread().isInterrupted() ? ", still interrupted" : ", interrupt lost");
                } catch (InterruptedException e) {
                    return "interrupted";
                }
            });
            assertStillWaiting(waiter);

            // when
            waiting.get().interrupt();

            // then
            assertThat(Workers.result(waiter, PROMPTLY)).isIn("interrupted", "returned false, still interrupted");
        }
    }
}
