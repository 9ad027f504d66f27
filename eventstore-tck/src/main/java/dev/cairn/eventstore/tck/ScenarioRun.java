package dev.cairn.eventstore.tck;

import static dev.cairn.core.store.ExpectedVersion.any;
import static dev.cairn.core.store.ExpectedVersion.exactly;
import static dev.cairn.core.store.ExpectedVersion.noStream;
import static dev.cairn.eventstore.tck.Logs.assertRecordedAs;
import static dev.cairn.eventstore.tck.Logs.assertStreamAgreesWithLog;
import static dev.cairn.eventstore.tck.Logs.byStream;
import static dev.cairn.eventstore.tck.Logs.fingerprints;
import static dev.cairn.eventstore.tck.Logs.readWholeLog;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.DuplicateEventIdException;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.WrongExpectedVersionException;
import dev.cairn.eventstore.tck.EventStoreProperties.Op;
import dev.cairn.eventstore.tck.EventStoreProperties.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/** Runs one {@link Scenario} against a store, then checks what the store answered against what it holds. */
final class ScenarioRun {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> STREAMS = List.of("order-0", "order-1", "kitchen-0", "order-2", "kitchen-1");

    /** One append as a writer made it: what it sent, and what the store answered. */
    private record Attempt(
            int writer,
            int index,
            Op.Kind kind,
            String streamId,
            ExpectedVersion expected,
            long versionRead,
            List<NewEvent> batch,
            AppendResult result,
            RuntimeException failure,
            Attempt retryOf,
            NewEvent reused) {
        @Override
        public String toString() {
            return "writer " + writer + " op " + index + " " + kind + " " + streamId + " expecting " + expected + " ("
                    + batch.size() + " events): " + (result != null ? result : failure);
        }
    }

    private final EventStore store;
    private final List<List<Attempt>> attempts;
    private final List<List<RecordedEvent>> seenByReaders;

    private ScenarioRun(EventStore store, List<List<Attempt>> attempts, List<List<RecordedEvent>> seenByReaders) {
        this.store = store;
        this.attempts = attempts;
        this.seenByReaders = seenByReaders;
    }

    static ScenarioRun execute(EventStore store, Scenario scenario) throws InterruptedException {
        List<Tailer> tailers = IntStream.range(0, scenario.readers())
                .mapToObj(i -> new Tailer(store, EventFilter.all()))
                .toList();
        CountDownLatch start = new CountDownLatch(1);
        try (Workers workers = new Workers(scenario.writers().size() + tailers.size())) {
            List<Future<List<RecordedEvent>>> readers =
                    tailers.stream().map(workers::submit).toList();
            List<Future<List<Attempt>>> writers = new ArrayList<>();
            for (int w = 0; w < scenario.writers().size(); w++) {
                int writer = w;
                List<Op> ops = scenario.writers().get(w);
                writers.add(workers.submit(() -> {
                    start.await();
                    return write(store, writer, ops);
                }));
            }
            start.countDown();
            List<List<Attempt>> attempts = Workers.results(writers, TIMEOUT);
            long head = store.headPosition();
            tailers.forEach(t -> t.stopAt(head));
            return new ScenarioRun(store, attempts, Workers.results(readers, TIMEOUT));
        }
    }

    private static List<Attempt> write(EventStore store, int writer, List<Op> ops) {
        List<Attempt> attempts = new ArrayList<>();
        Attempt lastAcknowledged = null;
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            Op.Kind kind = lastAcknowledged == null
                            && (op.kind() == Op.Kind.RETRY_LAST || op.kind() == Op.Kind.REUSE_RECORDED_ID)
                    ? Op.Kind.ANY
                    : op.kind();
            String streamId = kind == Op.Kind.RETRY_LAST ? lastAcknowledged.streamId() : STREAMS.get(op.stream());
            List<NewEvent> fresh = IntStream.range(0, op.batchSize())
                    .mapToObj(k ->
                            Events.event("tck.Type" + k % 3, ("w" + writer + " op" + op + " #" + k).getBytes(UTF_8)))
                    .toList();
            long versionRead = kind == Op.Kind.CURRENT ? store.streamVersion(streamId) : Long.MIN_VALUE;
            ExpectedVersion expected = switch (kind) {
                case ANY, REUSE_RECORDED_ID -> any();
                case CURRENT -> ExpectedVersion.of(versionRead);
                case EXACT, RETRY_LAST -> exactly(op.exactVersion());
                case NO_STREAM -> noStream();
            };
            NewEvent reused =
                    kind == Op.Kind.REUSE_RECORDED_ID ? lastAcknowledged.batch().getFirst() : null;
            List<NewEvent> batch = switch (kind) {
                case RETRY_LAST -> lastAcknowledged.batch();
                case REUSE_RECORDED_ID ->
                    op.exactVersion() % 2 == 0
                            ? Events.concat(fresh, List.of(reused))
                            : Events.concat(List.of(reused), fresh);
                default -> fresh;
            };
            AppendResult result = null;
            RuntimeException failure = null;
            try {
                result = store.append(streamId, expected, batch);
            } catch (RuntimeException e) {
                failure = e;
            }
            Attempt attempt = new Attempt(
                    writer,
                    i,
                    kind,
                    streamId,
                    expected,
                    versionRead,
                    batch,
                    result,
                    failure,
                    kind == Op.Kind.RETRY_LAST ? lastAcknowledged : null,
                    reused);
            attempts.add(attempt);
            if (result != null && kind != Op.Kind.RETRY_LAST && kind != Op.Kind.REUSE_RECORDED_ID) {
                lastAcknowledged = attempt;
            }
        }
        return attempts;
    }

    void assertInvariants() {
        List<RecordedEvent> log = readWholeLog(store);
        Map<UUID, RecordedEvent> byId = Logs.byEventId(log);
        long acknowledged = 0;
        for (List<Attempt> writer : attempts) {
            long lastPositionOfWriter = 0;
            for (Attempt attempt : writer) {
                switch (attempt.kind()) {
                    case RETRY_LAST -> assertRetryGotTheFirstResult(attempt);
                    case REUSE_RECORDED_ID -> assertRefusedAsDuplicate(attempt, byId);
                    default -> {
                        if (attempt.result() == null) {
                            assertRefusedForItsExpectedVersion(attempt, byId);
                        } else {
                            assertRecorded(attempt, byId);
                            long firstPosition = byId.get(
                                            attempt.batch().getFirst().eventId())
                                    .position();
                            assertThat(firstPosition)
                                    .as("%s comes after the writer's earlier appends", attempt)
                                    .isGreaterThan(lastPositionOfWriter);
                            lastPositionOfWriter = attempt.result().lastPosition();
                            acknowledged += attempt.batch().size();
                        }
                    }
                }
            }
        }
        assertThat((long) log.size())
                .as("events in the log = events acknowledged")
                .isEqualTo(acknowledged);
        assertStreamsAgreeWithTheLog(log);
        for (int r = 0; r < seenByReaders.size(); r++) {
            assertThat(fingerprints(seenByReaders.get(r)))
                    .as("what tailing reader %d saw", r)
                    .isEqualTo(fingerprints(log));
        }
    }

    private void assertRecorded(Attempt attempt, Map<UUID, RecordedEvent> byId) {
        AppendResult result = attempt.result();
        assertThat(result.duplicate())
                .as("%s: new events reported as duplicate", attempt)
                .isFalse();
        assertThat(result.streamId()).as("%s: stream", attempt).isEqualTo(attempt.streamId());
        assertThat(result.lastVersion() - result.firstVersion() + 1)
                .as("%s: versions", attempt)
                .isEqualTo(attempt.batch().size());
        switch (attempt.expected()) {
            case ExpectedVersion.NoStream n ->
                assertThat(result.firstVersion())
                        .as("%s: first version", attempt)
                        .isZero();
            case ExpectedVersion.Exact exact ->
                assertThat(result.firstVersion())
                        .as("%s: first version", attempt)
                        .isEqualTo(exact.version() + 1);
            case ExpectedVersion.Any a ->
                assertThat(result.firstVersion())
                        .as("%s: first version", attempt)
                        .isNotNegative();
        }
        for (int i = 0; i < attempt.batch().size(); i++) {
            NewEvent written = attempt.batch().get(i);
            RecordedEvent recorded = byId.get(written.eventId());
            assertThat(recorded)
                    .as("%s: acknowledged event %d is in the log", attempt, i)
                    .isNotNull();
            assertRecordedAs(recorded, written, attempt.streamId(), result.firstVersion() + i);
        }
        assertThat(byId.get(attempt.batch().getLast().eventId()).position())
                .as("%s: last position", attempt)
                .isEqualTo(result.lastPosition());
    }

    private static void assertRefusedForItsExpectedVersion(Attempt attempt, Map<UUID, RecordedEvent> byId) {
        assertThat(attempt.kind())
                .as("%s: an append expecting any version must not fail", attempt)
                .isNotEqualTo(Op.Kind.ANY);
        assertThat(attempt.failure())
                .as("%s", attempt)
                .isInstanceOfSatisfying(
                        WrongExpectedVersionException.class,
                        e -> assertThat(attempt.expected().matches(e.actualVersion()))
                                .as("%s: refused although the actual version %d matches", attempt, e.actualVersion())
                                .isFalse());
        assertNothingRecorded(attempt, attempt.batch(), byId);
    }

    private void assertRetryGotTheFirstResult(Attempt attempt) {
        AppendResult first = attempt.retryOf().result();
        assertThat(attempt.failure()).as("%s: a retry must not fail", attempt).isNull();
        assertThat(attempt.result())
                .as("%s: a retry returns the first result", attempt)
                .isEqualTo(new AppendResult(
                        first.streamId(), first.firstVersion(), first.lastVersion(), first.lastPosition(), true));
    }

    private static void assertRefusedAsDuplicate(Attempt attempt, Map<UUID, RecordedEvent> byId) {
        assertThat(attempt.failure())
                .as("%s: mixing a recorded id with new ones", attempt)
                .isInstanceOf(DuplicateEventIdException.class);
        assertNothingRecorded(
                attempt,
                attempt.batch().stream().filter(e -> e != attempt.reused()).toList(),
                byId);
        assertThat(byId)
                .as("%s: the reused event is still recorded", attempt)
                .containsKey(attempt.reused().eventId());
    }

    private static void assertNothingRecorded(Attempt attempt, List<NewEvent> events, Map<UUID, RecordedEvent> byId) {
        for (NewEvent e : events) {
            assertThat(byId)
                    .as("%s: a refused append left event %s in the log", attempt, e.eventId())
                    .doesNotContainKey(e.eventId());
        }
    }

    private void assertStreamsAgreeWithTheLog(List<RecordedEvent> log) {
        Map<String, List<RecordedEvent>> byStream = byStream(log);
        for (String stream : STREAMS) {
            List<RecordedEvent> events = byStream.getOrDefault(stream, List.of());
            assertStreamAgreesWithLog(store, stream, events);
            assertThat(store.streamVersion(stream)).as("version of %s", stream).isEqualTo(events.size() - 1L);
        }
    }
}
