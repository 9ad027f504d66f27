package dev.cairn.bench.compare;

import dev.cairn.bench.measure.Latencies;
import dev.cairn.bench.measure.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop load: N callers, each on its own platform thread, take item numbers from a shared
 * counter until all are taken or the time limit passes. Every system is driven by this same loop.
 */
final class Callers {
    private Callers() {}

    /** One item of work; records the latency of each operation it performs. */
    interface Task {
        void run(int caller, long item, Latencies latencies) throws Exception;
    }

    /** What a run did: items completed, wall time, and the sorted operation latencies. */
    record Measured(long items, long planned, double seconds, long[] sortedLatencies) {
        double perSecond() {
            return items / seconds;
        }

        double micros(double q) {
            return sortedLatencies.length == 0 ? Double.NaN : Latencies.quantile(sortedLatencies, q) / 1e3;
        }
    }

    static Measured run(String label, int callers, long items, Duration limit, Task task) {
        AtomicLong next = new AtomicLong();
        LongAdder done = new LongAdder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Latencies[] latencies = new Latencies[callers];
        List<Thread> threads = new ArrayList<>(callers);
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        try (var progress = new Progress(label, items, done::sum)) {
            for (int c = 0; c < callers; c++) {
                int caller = c;
                Latencies mine = latencies[c] = new Latencies();
                threads.add(Thread.ofPlatform().name("bench-caller-" + c).start(() -> {
                    long item;
                    while (failure.get() == null
                            && System.nanoTime() < deadline
                            && (item = next.getAndIncrement()) < items) {
                        try {
                            task.run(caller, item, mine);
                            done.increment();
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException(label + " failed: " + failure.get(), failure.get());
        }
        return new Measured(done.sum(), items, seconds, Latencies.merged(latencies));
    }
}
