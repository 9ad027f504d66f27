package dev.cairn.eventstore.tck;

import static dev.cairn.eventstore.tck.Logs.fingerprints;
import static dev.cairn.eventstore.tck.Logs.readWholeLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * What every suite of the kit shares: a fresh store per test, closed afterwards, and the checks
 * that an append changed nothing. A store's test extends {@link EventStoreContract}, which runs
 * every suite; the suites are public so that one requirement can be run alone.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class StoreSuite {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final Duration PROMPTLY = Duration.ofSeconds(5);

    EventStore store;

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

    record LogState(long head, List<String> log) {}

    LogState logState() {
        return new LogState(store.headPosition(), fingerprints(readWholeLog(store)));
    }

    void assertUnchanged(LogState before) {
        assertThat(store.headPosition()).as("head").isEqualTo(before.head());
        assertThat(fingerprints(readWholeLog(store))).as("log").isEqualTo(before.log());
    }

    void assertNoStream(String streamId) {
        assertThat(store.streamVersion(streamId))
                .as("version of %s", streamId)
                .isEqualTo(ExpectedVersion.NO_STREAM_VERSION);
        assertThat(store.readStream(streamId, 0)).as("events of %s", streamId).isEmpty();
    }

    /** An acknowledged append: what was written and what the store answered. */
    record Ack(String streamId, List<NewEvent> batch, AppendResult result) {}

    /** A reader in {@code workers} waiting for the head to pass {@code head}, checked to be waiting. */
    Future<Boolean> readerWaitingForTheHeadAfter(Workers workers, long head) {
        Future<Boolean> waiter = workers.submit(() -> store.awaitHeadAfter(head, Duration.ofSeconds(60)));
        assertStillWaiting(waiter);
        return waiter;
    }

    /** Checks for a while (200 ms) that {@code waiter} has not returned. */
    static void assertStillWaiting(Future<?> waiter) {
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !waiter.isDone());
    }

    long positionOf(UUID eventId) {
        return readWholeLog(store).stream()
                .filter(e -> e.eventId().equals(eventId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("event " + eventId + " is not in the log"))
                .position();
    }
}
