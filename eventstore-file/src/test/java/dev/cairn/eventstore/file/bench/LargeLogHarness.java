package dev.cairn.eventstore.file.bench;

import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.eventstore.file.FileEventStore;
import dev.cairn.eventstore.file.FileStoreVerifier;
import dev.cairn.eventstore.file.VerificationReport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The large-log claims, as a benchmark to run by hand (not a test): writes N events over S streams
 * in a JVM limited to 512 MiB, then reopens the directory in fresh 512 MiB JVMs, once from the
 * snapshots a clean close leaves and once rebuilding the tables from the entry index (as after a
 * crash), and prints one JSON line per phase.
 *
 * <pre>
 * java -Xmx512m -cp … dev.cairn.eventstore.file.bench.LargeLogHarness all /tmp/large 10000000 1000000
 * </pre>
 * Modes: {@code all DIR [events] [streams]}, {@code write DIR events streams}, {@code reopen DIR},
 * {@code reopen-rebuild DIR}.
 */
public final class LargeLogHarness {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dir = Path.of(args[1]);
        switch (mode) {
            case "all" -> {
                long events = args.length > 2 ? Long.parseLong(args[2]) : 10_000_000;
                long streams = args.length > 3 ? Long.parseLong(args[3]) : 1_000_000;
                child("write", dir.toString(), String.valueOf(events), String.valueOf(streams));
                child("reopen", dir.toString());
                child("reopen", dir.toString());
                child("reopen-rebuild", dir.toString());
            }
            case "write" -> write(dir, Long.parseLong(args[2]), Integer.parseInt(args[3]));
            case "reopen" -> reopen(dir, false);
            case "reopen-rebuild" -> reopen(dir, true);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    private static void child(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                LargeLogHarness.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed");
        }
    }

    /** 10 events per append, each to a stream chosen round-robin, so every stream gets events/streams events. */
    private static void write(Path dir, long events, int streams) throws Exception {
        if (Files.exists(dir.resolve("checkpoint"))) {
            throw new IllegalStateException(dir + " already holds a log");
        }
        int batch = 10;
        int writers = 16;
        long appends = events / batch;
        AtomicLong next = new AtomicLong();
        byte[] payload = new byte[100];
        long start = System.nanoTime();
        try (FileEventStore store = FileEventStore.open(dir)) {
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (long a; (a = next.getAndIncrement()) < appends; ) {
                        List<NewEvent> batchEvents = new ArrayList<>(batch);
                        for (int i = 0; i < batch; i++) {
                            batchEvents.add(NewEvent.of(
                                    new UUID(random.nextLong(), random.nextLong()), "large.Happened", payload));
                        }
                        store.append("large-" + (a % streams), ExpectedVersion.any(), batchEvents);
                        if (a % 100_000 == 0) {
                            System.err.printf("%,d events%n", a * batch);
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(String.format(
                Locale.ROOT,
                "{\"phase\":\"write\",\"events\":%d,\"streams\":%d,\"seconds\":%.1f,\"events_per_sec\":%.0f,\"max_heap_mb\":%d,\"peak_heap_used_mb\":%d,\"log_bytes\":%d}",
                appends * batch,
                streams,
                seconds,
                appends * batch / seconds,
                Runtime.getRuntime().maxMemory() >> 20,
                peakHeap() >> 20,
                directorySize(dir)));
    }

    private static void reopen(Path dir, boolean rebuild) throws Exception {
        if (rebuild) {
            Files.deleteIfExists(dir.resolve("streams.snap"));
            Files.deleteIfExists(dir.resolve("ids.snap"));
        }
        long start = System.nanoTime();
        try (FileEventStore store = FileEventStore.open(dir)) {
            double openMs = (System.nanoTime() - start) / 1e6;
            long head = store.headPosition();
            long t0 = System.nanoTime();
            List<RecordedEvent> stream =
                    store.readStream("large-" + ThreadLocalRandom.current().nextInt(1000), 0);
            double readMs = (System.nanoTime() - t0) / 1e6;
            System.gc();
            long used =
                    Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            System.out.println(String.format(
                    Locale.ROOT,
                    "{\"phase\":\"%s\",\"events\":%d,\"reopen_ms\":%.0f,\"stream_read_ms\":%.1f,\"stream_events\":%d,"
                            + "\"max_heap_mb\":%d,\"heap_used_after_open_mb\":%d,\"peak_heap_used_mb\":%d}",
                    rebuild ? "reopen-rebuild" : "reopen",
                    head,
                    openMs,
                    readMs,
                    stream.size(),
                    Runtime.getRuntime().maxMemory() >> 20,
                    used >> 20,
                    peakHeap() >> 20));
        }
        if (rebuild) {
            long t0 = System.nanoTime();
            VerificationReport report = FileStoreVerifier.verify(dir);
            System.out.println(String.format(
                    Locale.ROOT,
                    "{\"phase\":\"verify\",\"seconds\":%.1f,\"report\":%s}",
                    (System.nanoTime() - t0) / 1e9,
                    report.toJson()));
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static long directorySize(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
