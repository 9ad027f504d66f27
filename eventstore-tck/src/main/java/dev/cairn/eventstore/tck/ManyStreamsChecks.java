package dev.cairn.eventstore.tck;

import static dev.cairn.core.store.ExpectedVersion.noStream;
import static dev.cairn.eventstore.tck.Events.event;
import static dev.cairn.eventstore.tck.Events.recordedIds;
import static dev.cairn.eventstore.tck.Logs.assertRecordedAs;
import static dev.cairn.eventstore.tck.Logs.readWholeLog;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Enough streams that per-stream indexes have to work; beyond the numbered requirements of
 * {@link dev.cairn.core.store}, every store shares it.
 *
 * <p>Runs within {@link EventStoreContract}; a store may also extend it alone.
 */
public abstract class ManyStreamsChecks extends StoreSuite {

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
