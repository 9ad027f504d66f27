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
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.Subscription;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Requirement 9 of {@link dev.cairn.core.store}: a subscription hands over from catch-up to live
 * without loss or duplicates, delivers only what its filter selects, and stops cleanly.
 *
 * <p>Runs within {@link EventStoreContract}; a store may also extend it alone.
 */
public abstract class Requirement9Subscriptions extends StoreSuite {

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
                        await().pollInSameThread()
                                .pollInterval(Duration.ofMillis(1))
                                .atMost(TIMEOUT)
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
                await().during(Duration.ofMillis(300))
                        .atMost(Duration.ofSeconds(3))
                        .until(() -> sink.count() == log.size());

                // then
                assertThat(log).hasSameSizeAs(acknowledged);
                assertThat(new HashSet<>(recordedIds(log))).isEqualTo(acknowledged);
                assertThat(fingerprints(sink.received())).isEqualTo(fingerprints(log));
                assertThat(subscription.failure()).isNull();
                assertThat(subscription.isClosed()).isFalse();
                await().atMost(PROMPTLY)
                        .untilAsserted(() -> assertThat(subscription.position())
                                .isEqualTo(log.getLast().position()));
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
            await().atMost(PROMPTLY)
                    .untilAsserted(() -> assertThat(subscription.position()).isEqualTo(head));
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
            await().atMost(TIMEOUT)
                    .untilAsserted(() -> assertThat(subscription.position())
                            .as("position after skipping the last events")
                            .isEqualTo(head));
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
            assertThat(causes(subscription.failure()))
                    .as("reported failure and its causes")
                    .contains(failure);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(() -> sink.attempts() == 3);
            assertThat(fingerprints(sink.received())).isEqualTo(fingerprints(log.subList(0, 2)));
            assertThat(subscription.position())
                    .as("position of the last event handled")
                    .isEqualTo(log.get(1).position());
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
            assertThat(causes(subscription.failure()))
                    .as("reported failure and its causes")
                    .contains(failure);
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
