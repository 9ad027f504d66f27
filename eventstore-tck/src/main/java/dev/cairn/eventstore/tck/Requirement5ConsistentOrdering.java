package dev.cairn.eventstore.tck;

import static dev.cairn.core.store.ExpectedVersion.any;
import static dev.cairn.eventstore.tck.Events.events;
import static dev.cairn.eventstore.tck.Logs.assertRecordedAs;
import static dev.cairn.eventstore.tck.Logs.assertStreamAgreesWithLog;
import static dev.cairn.eventstore.tck.Logs.byStream;
import static dev.cairn.eventstore.tck.Logs.fingerprints;
import static dev.cairn.eventstore.tck.Logs.readWholeLog;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Requirement 5 of {@link dev.cairn.core.store}: every reader of the log sees the same events in
 * the same order, however many writers append meanwhile.
 *
 * <p>Runs within {@link EventStoreContract}; a store may also extend it alone.
 */
public abstract class Requirement5ConsistentOrdering extends StoreSuite {

    @Test
    void readers_tailing_while_writers_append_all_see_one_and_the_same_order() throws Exception {
        // given
        int writers = 3;
        int appendsPerWriter = 60;
        List<Tailer> tailers = List.of(
                new Tailer(store, EventFilter.all()),
                new Tailer(store, EventFilter.all()),
                new Tailer(store, EventFilter.categories("order")));
        CountDownLatch start = new CountDownLatch(1);

        // when
        List<List<Ack>> acks;
        List<List<RecordedEvent>> seen;
        try (Workers workers = new Workers(writers + tailers.size())) {
            List<Future<List<RecordedEvent>>> readers =
                    tailers.stream().map(workers::submit).toList();
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
        assertThat(fingerprints(seen.get(2)))
                .as("reader of category order")
                .isEqualTo(fingerprints(
                        log.stream().filter(e -> e.category().equals("order")).toList()));
    }

    private void assertAcknowledgedAppendsAreInTheLog(List<List<Ack>> acksPerWriter, List<RecordedEvent> log) {
        Map<UUID, RecordedEvent> byId = Logs.byEventId(log);
        int acknowledged = 0;
        for (List<Ack> acks : acksPerWriter) {
            long previousLastPosition = 0;
            for (Ack ack : acks) {
                AppendResult result = ack.result();
                assertThat(result.duplicate()).isFalse();
                assertThat(result.lastVersion() - result.firstVersion() + 1)
                        .isEqualTo(ack.batch().size());
                for (int i = 0; i < ack.batch().size(); i++) {
                    NewEvent written = ack.batch().get(i);
                    RecordedEvent recorded = byId.get(written.eventId());
                    assertThat(recorded)
                            .as("acknowledged event %s in the log", written.eventId())
                            .isNotNull();
                    assertRecordedAs(recorded, written, ack.streamId(), result.firstVersion() + i);
                }
                long firstPosition = byId.get(ack.batch().getFirst().eventId()).position();
                assertThat(byId.get(ack.batch().getLast().eventId()).position()).isEqualTo(result.lastPosition());
                assertThat(firstPosition)
                        .as("a writer's appends are ordered as it made them")
                        .isGreaterThan(previousLastPosition);
                previousLastPosition = result.lastPosition();
                acknowledged += ack.batch().size();
            }
        }
        assertThat(log)
                .as("the log holds the acknowledged events and nothing else")
                .hasSize(acknowledged);
        byStream(log).forEach((stream, events) -> assertStreamAgreesWithLog(store, stream, events));
    }
}
