package dev.cairn.bench.cli;

import dev.cairn.bench.measure.Progress;
import dev.cairn.cli.ExistingData;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.eventstore.file.ReadOnlyLog;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Reads the whole log of a data directory from the start. */
@Command(
        name = "read",
        mixinStandardHelpOptions = true,
        description = "Read the whole log; last line JSON with events_per_sec.")
final class BenchRead implements Runnable {

    @Mixin
    ExistingData data;

    @Option(names = "--page", description = "events per read (default ${DEFAULT-VALUE})")
    int page = 10_000;

    @Override
    public void run() {
        try (var store = ReadOnlyLog.open(data.log())) {
            long head = 0; // unknown without an index; the progress line shows what was read
            LongAdder read = new LongAdder();
            long bytes = 0;
            long start = System.nanoTime();
            try (var progress = new Progress("bench read", head, read::sum)) {
                long after = 0;
                while (true) {
                    List<RecordedEvent> events = store.readAll(after, page, EventFilter.all());
                    if (events.isEmpty()) {
                        break;
                    }
                    for (RecordedEvent event : events) {
                        bytes += event.data().length;
                    }
                    read.add(events.size());
                    after = events.getLast().position();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "{\"events_per_sec\":%.0f, \"mb_per_sec\":%.1f, \"events\":%d, \"seconds\":%.2f}%n",
                    read.sum() / seconds,
                    bytes / seconds / 1e6,
                    read.sum(),
                    seconds);
        }
    }
}
