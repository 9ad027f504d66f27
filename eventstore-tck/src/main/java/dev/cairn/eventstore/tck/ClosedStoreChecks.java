package dev.cairn.eventstore.tck;

import static dev.cairn.core.store.ExpectedVersion.any;
import static dev.cairn.core.store.ExpectedVersion.noStream;
import static dev.cairn.eventstore.tck.Events.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.Subscription;
import java.time.Duration;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What {@link dev.cairn.core.store.EventStore#close()} promises; beyond the numbered requirements
 * of {@link dev.cairn.core.store}, every store shares it.
 *
 * <p>Runs within {@link EventStoreContract}; a store may also extend it alone.
 */
public abstract class ClosedStoreChecks extends StoreSuite {

    @Test
    void a_closed_store_refuses_appends_and_reads_as_unavailable() {
        // given
        store.append("order-1", noStream(), events(1));

        // when
        store.close();

        // then
        assertThatExceptionOfType(EventStoreUnavailableException.class)
                .isThrownBy(() -> store.append("order-1", any(), events(1)));
        assertThatExceptionOfType(EventStoreUnavailableException.class)
                .isThrownBy(() -> store.readStream("order-1", 0));
        assertThatExceptionOfType(EventStoreUnavailableException.class)
                .isThrownBy(() -> store.streamVersion("order-1"));
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
            Future<Boolean> waiter = readerWaitingForTheHeadAfter(workers, head);

            // when
            store.close();

            // then
            await().atMost(PROMPTLY).until(waiter::isDone);
            Throwable outcome = catchThrowable(
                    () -> assertThat(Workers.result(waiter, PROMPTLY)).isFalse());
            assertThat(outcome)
                    .as("the waiter returns false or fails as unavailable")
                    .satisfiesAnyOf(
                            t -> assertThat(t).isNull(),
                            t -> assertThat(t).isInstanceOf(EventStoreUnavailableException.class));
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
            assertThat(subscription.failure())
                    .satisfiesAnyOf(
                            f -> assertThat(f).isNull(),
                            f -> assertThat(f).isInstanceOf(EventStoreUnavailableException.class));
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
