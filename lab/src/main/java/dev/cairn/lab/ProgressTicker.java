package dev.cairn.lab;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The progress line while a pair runs: once a second, the phase and how many orders were sent and accepted. */
final class ProgressTicker implements AutoCloseable {

    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
    private volatile Phase phase = Phase.WARM_UP;

    ProgressTicker(String label, Plan plan, Consumer<String> out) {
        timer.scheduleAtFixedRate(
                () -> out.accept(String.format(
                        "  %s  %-8s sent %5d  accepted %5d",
                        label, phase.name().toLowerCase().replace('_', '-'), sent.get(), accepted.get())),
                1,
                1,
                TimeUnit.SECONDS);
    }

    void entering(Phase phase) {
        this.phase = phase;
    }

    void count(Shot shot) {
        sent.incrementAndGet();
        if (shot.accepted()) {
            accepted.incrementAndGet();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
