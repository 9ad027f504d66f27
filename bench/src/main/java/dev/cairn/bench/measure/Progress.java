package dev.cairn.bench.measure;

import java.util.function.LongSupplier;

/** Prints a progress line to stderr once a second while a benchmark runs. */
public final class Progress implements AutoCloseable {
    private final Thread thread;
    private volatile boolean done;

    public Progress(String what, long total, LongSupplier doneSoFar) {
        long start = System.nanoTime();
        thread = Thread.ofPlatform().daemon().name("cairn-progress").start(() -> {
            long last = 0;
            while (!done) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                long now = doneSoFar.getAsLong();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.err.printf(
                        "%s: %,d / %,d (%.0f%%), %,d/s now, %.1f s%n",
                        what, now, total, total == 0 ? 100.0 : 100.0 * now / total, now - last, seconds);
                last = now;
            }
        });
    }

    @Override
    public void close() {
        done = true;
        thread.interrupt();
    }
}
