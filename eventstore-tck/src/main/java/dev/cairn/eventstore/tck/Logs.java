package dev.cairn.eventstore.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.ReadLog;
import dev.cairn.core.store.ReadStream;
import dev.cairn.core.store.RecordedEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

/** Reading and comparing logs in the suites. */
final class Logs {

    private static final int PAGE = 1000;

    private Logs() {}

    static List<RecordedEvent> readWholeLog(ReadLog log) {
        return readWholeLog(log, EventFilter.all());
    }

    /** Pages through the log; fails instead of looping when positions do not move forward. */
    static List<RecordedEvent> readWholeLog(ReadLog log, EventFilter filter) {
        List<RecordedEvent> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<RecordedEvent> page = log.readAll(after, PAGE, filter);
            for (RecordedEvent event : page) {
                if (event.position() <= after) {
                    throw new AssertionError(
                            "readAll(" + after + ", …) returned " + event + " at or before the position it read after");
                }
                after = event.position();
            }
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
        }
    }

    /** One line per event naming what identifies it in the log, for comparisons with readable diffs. */
    static List<String> fingerprints(List<RecordedEvent> events) {
        return events.stream().map(Logs::fingerprint).toList();
    }

    static String fingerprint(RecordedEvent e) {
        return e.eventId() + " " + e.streamId() + "@" + e.version() + " #" + e.position();
    }

    /** The log's events by stream, each stream's in log order. */
    static Map<String, List<RecordedEvent>> byStream(List<RecordedEvent> log) {
        Map<String, List<RecordedEvent>> byStream = new LinkedHashMap<>();
        log.forEach(e ->
                byStream.computeIfAbsent(e.streamId(), s -> new ArrayList<>()).add(e));
        return byStream;
    }

    /**
     * A stream's events as the log holds them ({@code inLog}, in log order) have the versions 0, 1,
     * 2… and are exactly what reading the stream directly returns.
     */
    static void assertStreamAgreesWithLog(ReadStream streams, String stream, List<RecordedEvent> inLog) {
        assertThat(inLog)
                .as("versions of %s in log order", stream)
                .extracting(RecordedEvent::version)
                .containsExactlyElementsOf(
                        LongStream.range(0, inLog.size()).boxed().toList());
        assertThat(fingerprints(streams.readStream(stream, 0)))
                .as("stream %s read directly", stream)
                .isEqualTo(fingerprints(inLog));
    }

    /** The log's events by id; fails if an event appears twice. */
    static Map<UUID, RecordedEvent> byEventId(List<RecordedEvent> log) {
        Map<UUID, RecordedEvent> byId = new HashMap<>();
        for (RecordedEvent e : log) {
            assertThat(byId.put(e.eventId(), e))
                    .as("event %s appears twice in the log", e.eventId())
                    .isNull();
        }
        return byId;
    }

    static void assertSameBytes(byte[] actual, byte[] expected, String what) {
        assertThat(Arrays.mismatch(actual, expected))
                .as("%s: first differing byte (lengths: actual %d, expected %d)", what, actual.length, expected.length)
                .isEqualTo(-1);
    }

    /** The recorded event carries everything the writer gave, in the stream and version expected. */
    static void assertRecordedAs(RecordedEvent recorded, NewEvent written, String streamId, long version) {
        String what = "event " + written.eventId();
        assertThat(recorded.eventId()).as("%s: id", what).isEqualTo(written.eventId());
        assertThat(recorded.streamId()).as("%s: stream", what).isEqualTo(streamId);
        assertThat(recorded.version()).as("%s: version", what).isEqualTo(version);
        assertThat(recorded.type()).as("%s: type", what).isEqualTo(written.type());
        assertThat(recorded.correlationId()).as("%s: correlation id", what).isEqualTo(written.correlationId());
        assertThat(recorded.causationId()).as("%s: causation id", what).isEqualTo(written.causationId());
        assertThat(recorded.actor()).as("%s: actor", what).isEqualTo(written.actor());
        assertThat(recorded.recordedAt()).as("%s: recorded at", what).isNotNull();
        assertThat(recorded.position()).as("%s: position", what).isPositive();
        assertSameBytes(recorded.data(), written.data(), what + ": data");
    }

    /** Every field of two reads of the same event is equal, bytes included. */
    static void assertSameRecord(RecordedEvent actual, RecordedEvent expected) {
        String what = "event " + expected.eventId();
        assertThat(fingerprint(actual)).as(what).isEqualTo(fingerprint(expected));
        assertThat(actual.type()).as("%s: type", what).isEqualTo(expected.type());
        assertThat(actual.recordedAt()).as("%s: recorded at", what).isEqualTo(expected.recordedAt());
        assertThat(actual.correlationId()).as("%s: correlation id", what).isEqualTo(expected.correlationId());
        assertThat(actual.causationId()).as("%s: causation id", what).isEqualTo(expected.causationId());
        assertThat(actual.actor()).as("%s: actor", what).isEqualTo(expected.actor());
        assertSameBytes(actual.data(), expected.data(), what + ": data");
    }

    static void assertSameRecords(List<RecordedEvent> actual, List<RecordedEvent> expected) {
        assertThat(fingerprints(actual)).isEqualTo(fingerprints(expected));
        for (int i = 0; i < actual.size(); i++) {
            assertSameRecord(actual.get(i), expected.get(i));
        }
    }
}
