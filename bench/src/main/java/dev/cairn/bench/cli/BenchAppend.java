package dev.cairn.bench.cli;

import dev.cairn.bench.measure.Latencies;
import dev.cairn.bench.measure.Progress;
import dev.cairn.bench.measure.ScratchDirectory;
import dev.cairn.cli.UserError;
import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.eventstore.file.FileEventStore;
import dev.cairn.eventstore.file.FileStoreBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Durable append throughput and latency: W writers, each appending B events of S bytes per call. */
@Command(
        name = "append",
        mixinStandardHelpOptions = true,
        description = "Append N events from W concurrent writers, B events per append, durably.")
final class BenchAppend implements Runnable {

    @Option(names = "--events", description = "events in all (default ${DEFAULT-VALUE})")
    long events = 1_000_000;

    @Option(names = "--writers", description = "concurrent writers (default ${DEFAULT-VALUE})")
    int writers = 8;

    @Option(names = "--batch", description = "events per append (default ${DEFAULT-VALUE})")
    int batch = 1;

    @Option(names = "--size", description = "payload bytes per event (default ${DEFAULT-VALUE})")
    int size = 200;

    /** Which store the events are appended to. */
    enum Target {
        file,
        memory
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--store", description = "file or memory (default ${DEFAULT-VALUE})")
    Target store = Target.file;

    @Option(
            names = "--data",
            description =
                    "data directory, as for ./cairn run: the log goes to <data>/log (default: a new temporary one,"
                            + " deleted after)")
    Path data;

    @Override
    public void run() {
        if (events < 1 || writers < 1 || batch < 1 || size < 0) {
            throw new ParameterException(
                    spec.commandLine(), "--events, --writers and --batch must be positive and --size not negative");
        }
        if (store == Target.memory) {
            try (EventStore memory = new InMemoryEventStore()) {
                System.out.println(runOn(memory));
            }
            return;
        }
        Path temporary = data == null ? ScratchDirectory.create("cairn-bench-") : null;
        Path root = data != null ? data : temporary;
        try (EventStore file = openFile(root)) {
            System.out.println(runOn(file));
        } finally {
            if (temporary != null) {
                ScratchDirectory.delete(temporary);
            }
        }
    }

    private static EventStore openFile(Path root) {
        try {
            return FileEventStore.open(root.resolve(FileStoreBackend.LOG));
        } catch (EventStoreUnavailableException e) {
            throw new UserError("cannot open the file store in " + root + ": " + e.getMessage(), e);
        }
    }

    private String runOn(EventStore target) {
        byte[] payload = new byte[size];
        ThreadLocalRandom.current().nextBytes(payload);
        AtomicLong remaining = new AtomicLong(events);
        LongAdder appended = new LongAdder();
        Latencies[] latencies = new Latencies[writers];
        List<Thread> threads = new ArrayList<>(writers);
        String run = UUID.randomUUID().toString().substring(0, 8);
        long start = System.nanoTime();
        try (var progress = new Progress("bench append", events, appended::sum)) {
            for (int w = 0; w < writers; w++) {
                Latencies mine = latencies[w] = new Latencies();
                String stream = "bench-" + run + "w" + w;
                threads.add(Thread.ofVirtual().start(() -> write(target, stream, payload, remaining, appended, mine)));
            }
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = Latencies.merged(latencies);
        long total = appended.sum();
        return String.format(
                Locale.ROOT,
                "{\"events_per_sec\":%.0f, \"appends_per_sec\":%.0f, \"mb_per_sec\":%.1f, \"p50_us\":%.0f, \"p99_us\":%.0f, \"p999_us\":%.0f,"
                        + " \"events\":%d, \"writers\":%d, \"batch\":%d, \"size\":%d, \"seconds\":%.2f}",
                total / seconds,
                sorted.length / seconds,
                total * (double) size / seconds / 1e6,
                Latencies.quantile(sorted, 0.50) / 1e3,
                Latencies.quantile(sorted, 0.99) / 1e3,
                Latencies.quantile(sorted, 0.999) / 1e3,
                total,
                writers,
                batch,
                size,
                seconds);
    }

    /**
     * A version-4 UUID from ThreadLocalRandom: UUID.randomUUID() draws on one shared SecureRandom,
     * which 256 writers would contend for, measuring the generator instead of the store.
     */
    static UUID fastRandomUuid() {
        var random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    private void write(
            EventStore target,
            String stream,
            byte[] payload,
            AtomicLong remaining,
            LongAdder appended,
            Latencies latencies) {
        long version = ExpectedVersion.NO_STREAM_VERSION;
        while (true) {
            long left = remaining.getAndAdd(-batch);
            if (left <= 0) {
                return;
            }
            int n = (int) Math.min(batch, left);
            List<NewEvent> events = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                events.add(NewEvent.of(fastRandomUuid(), "bench.Appended", payload));
            }
            long t0 = System.nanoTime();
            version = target.append(stream, ExpectedVersion.of(version), events).lastVersion();
            latencies.record(System.nanoTime() - t0);
            appended.add(n);
        }
    }
}
