package dev.cairn.eventstore.tck;

import static dev.cairn.core.store.ExpectedVersion.any;
import static dev.cairn.core.store.ExpectedVersion.exactly;
import static dev.cairn.core.store.ExpectedVersion.noStream;
import static dev.cairn.eventstore.tck.Events.events;
import static dev.cairn.eventstore.tck.Events.idsOf;
import static dev.cairn.eventstore.tck.Events.recordedIds;
import static dev.cairn.eventstore.tck.Logs.assertSameRecords;
import static dev.cairn.eventstore.tck.Logs.readWholeLog;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading one stream, as command handlers do; beyond the numbered requirements of
 * {@link dev.cairn.core.store}, every store shares it.
 *
 * <p>Runs within {@link EventStoreContract}; a store may also extend it alone.
 */
public abstract class ReadingStreamsChecks extends StoreSuite {

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
        assertThat(store.readStream("order-1", 4, 3))
                .extracting(RecordedEvent::version)
                .containsExactly(4L, 5L, 6L);
        assertThat(store.readStream("order-1", 9, 5))
                .extracting(RecordedEvent::version)
                .containsExactly(9L);
        assertThat(store.readStream("order-1", 0, 1))
                .extracting(RecordedEvent::version)
                .containsExactly(0L);
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
            assertThat(recordedIds(store.readStream(id, 0)))
                    .as("stream '%s'", id)
                    .isEqualTo(idsOf(written.get(id)));
            assertThat(store.streamVersion(id))
                    .as("version of '%s'", id)
                    .isEqualTo(written.get(id).size() - 1L);
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
        assertSameRecords(
                stream, log.stream().filter(e -> e.streamId().equals("order-1")).toList());
        assertThat(stream)
                .extracting(RecordedEvent::version)
                .containsExactlyElementsOf(IntStream.range(0, stream.size())
                        .mapToObj(v -> (long) v)
                        .toList());
    }
}
