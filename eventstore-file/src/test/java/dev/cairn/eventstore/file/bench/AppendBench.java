package dev.cairn.eventstore.file.bench;

import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.eventstore.file.FileEventStore;
import dev.cairn.eventstore.file.FileStoreMetrics;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Durable append throughput and latency, for the benchmark figures (not a test).
 * {@code AppendBench events writers batch size [dir] [platform]}; the last line is JSON.
 */
public final class AppendBench {
    public static void main(String[] args) throws Exception {
        long events = Long.parseLong(args[0]);
        int writers = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        int size = Integer.parseInt(args[3]);
        Path dir = args.length > 4 ? Path.of(args[4]) : Files.createTempDirectory("cairn-bench");
        boolean platform = args.length > 5 && args[5].equals("platform");
        long appendsPerWriter = events / writers / batch;
        byte[] payload = new byte[size];
        ThreadLocalRandom.current().nextBytes(payload);
        long[][] latencies = new long[writers][(int) appendsPerWriter];
        AtomicLong done = new AtomicLong();
        try (FileEventStore store = FileEventStore.open(dir)) {
            FileStoreMetrics before = store.metrics();
            List<Thread> threads = new ArrayList<>();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                Runnable work = () -> {
                    String stream = "bench-" + writer + "-" + UUID.randomUUID();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int a = 0; a < appendsPerWriter; a++) {
                        List<NewEvent> batchEvents = new ArrayList<>(batch);
                        for (int i = 0; i < batch; i++) {
                            batchEvents.add(NewEvent.of(
                                    new UUID(random.nextLong(), random.nextLong()), "bench.Appended", payload));
                        }
                        long t0 = System.nanoTime();
                        store.append(stream, ExpectedVersion.any(), batchEvents);
                        latencies[writer][a] = System.nanoTime() - t0;
                        done.addAndGet(batch);
                    }
                };
                threads.add(
                        platform
                                ? Thread.ofPlatform().start(work)
                                : Thread.ofVirtual().start(work));
            }
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
            FileStoreMetrics m = store.metrics();
            long[] all = Arrays.stream(latencies)
                    .flatMapToLong(Arrays::stream)
                    .sorted()
                    .toArray();
            long total = done.get();
            System.out.println(String.format(
                    Locale.ROOT,
                    "{\"events_per_sec\":%.0f,\"appends_per_sec\":%.0f,\"mb_per_sec\":%.1f,\"log_mb_per_sec\":%.1f,"
                            + "\"p50_us\":%.0f,\"p99_us\":%.0f,\"p999_us\":%.0f,\"events_per_flush\":%.1f,\"cpu_us_per_event\":%.2f,\"writers\":%d,\"batch\":%d,\"size\":%d,\"events\":%d}",
                    total / seconds,
                    all.length / seconds,
                    total * (double) size / seconds / 1e6,
                    (m.bytes() - before.bytes()) / seconds / 1e6,
                    all[all.length / 2] / 1e3,
                    all[(int) (all.length * 0.99)] / 1e3,
                    all[(int) (all.length * 0.999)] / 1e3,
                    (m.events() - before.events()) / (double) Math.max(1, m.flushes() - before.flushes()),
                    cpuSeconds * 1e6 / total,
                    writers,
                    batch,
                    size,
                    total));
        }
    }
}
