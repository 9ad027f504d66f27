package dev.cairn.bench.compare;

import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * W2: durable appends with the expected version, each writer on a stream of its own: single-event
 * appends from 64 writers, and 100-event batches from 8. Latency is per append; throughput is
 * events per second. Every system gets the same 200-byte payloads.
 */
final class Appends {
    static final String SINGLE = "W2 single";
    static final String BATCH = "W2 batch";
    private static final Duration WARM_UP = Duration.ofSeconds(2);

    /** The append operation of a Cairn store or a peer. */
    interface Target {
        long append(String streamId, ExpectedVersion expected, List<NewEvent> events);
    }

    private final Scale scale;

    Appends(Scale scale) {
        this.scale = scale;
    }

    /** One of W2's two shapes of load: how many writers, and how many events each append carries. */
    private record Variant(String workload, int writers, int batch, long appends) {}

    /** Runs both variants on one target; {@code bytesWritten} (may be null) counts the bytes the store wrote. */
    List<Row> run(
            String system, String config, boolean durable, String versus, Target target, LongSupplier bytesWritten) {
        List<Row> rows = new ArrayList<>();
        for (Variant v : List.of(
                new Variant(SINGLE, Scale.W2_SINGLE_WRITERS, 1, scale.w2SingleAppends()),
                new Variant(BATCH, Scale.W2_BATCH_WRITERS, Scale.W2_BATCH, scale.w2BatchAppends()))) {
            rows.add(measure(v, system, config, durable, versus, target, bytesWritten));
        }
        return List.copyOf(rows);
    }

    private Row measure(
            Variant variant,
            String system,
            String config,
            boolean durable,
            String versus,
            Target target,
            LongSupplier bytesWritten) {
        String workload = variant.workload();
        int writers = variant.writers();
        int batch = variant.batch();
        long appends = variant.appends();
        byte[] payload = new byte[Scale.W2_EVENT_BYTES];
        ThreadLocalRandom.current().nextBytes(payload);
        String run = UUID.randomUUID().toString().substring(0, 8);
        long[] versions = new long[writers];
        Arrays.fill(versions, ExpectedVersion.NO_STREAM_VERSION);
        Callers.Task append = (writer, item, latencies) -> {
            List<NewEvent> events = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                events.add(NewEvent.of(UUID.randomUUID(), "bench.Appended", payload));
            }
            long t0 = System.nanoTime();
            versions[writer] = target.append("w2-" + run + "w" + writer, ExpectedVersion.of(versions[writer]), events);
            latencies.record(System.nanoTime() - t0);
        };
        // The warm-up appends to the same streams, so the measured appends find them existing, as a steady state would.
        Callers.run(workload + " " + system + " warm-up", writers, appends, WARM_UP, append);
        long bytesBefore = bytesWritten == null ? 0 : bytesWritten.getAsLong();
        Callers.Measured m = Callers.run(workload + " " + system, writers, appends, scale.w2Limit(), append);
        double eventsPerSecond = m.perSecond() * batch;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("appends_per_sec", Math.round(m.perSecond()));
        extra.put("payload_mb_per_sec", Math.round(eventsPerSecond * Scale.W2_EVENT_BYTES / 1e5) / 10.0);
        if (bytesWritten != null) {
            extra.put(
                    "log_mb_per_sec", Math.round((bytesWritten.getAsLong() - bytesBefore) / m.seconds() / 1e5) / 10.0);
        }
        extra.put("writers", writers);
        extra.put("events_per_append", batch);
        return new Row(
                workload,
                system,
                config,
                durable,
                eventsPerSecond,
                "events/s",
                m.micros(0.5),
                m.micros(0.99),
                m.items(),
                m.items(),
                m.seconds(),
                Machine.load1(),
                versus,
                extra);
    }
}
