package dev.cairn.eventstore.file.bench;

import dev.cairn.core.store.RecordedEvent;
import dev.cairn.eventstore.file.FileEventStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Reads the whole log of a data directory; {@code ReadBench dir [page]}; the last line is JSON. */
public final class ReadBench {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int page = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        try (FileEventStore store = FileEventStore.open(dir)) {
            long start = System.nanoTime();
            long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long count = 0;
            long bytes = 0;
            long after = 0;
            while (true) {
                List<RecordedEvent> events = store.readAll(after, page);
                if (events.isEmpty()) {
                    break;
                }
                count += events.size();
                for (RecordedEvent e : events) {
                    bytes += e.data().length;
                }
                after = events.getLast().position();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
            System.out.println(String.format(
                    Locale.ROOT,
                    "{\"events_per_sec\":%.0f,\"mb_per_sec\":%.1f,\"events\":%d,\"events_per_cpu_sec\":%.0f}",
                    count / seconds,
                    bytes / seconds / 1e6,
                    count,
                    count / cpuSeconds));
        }
    }
}
