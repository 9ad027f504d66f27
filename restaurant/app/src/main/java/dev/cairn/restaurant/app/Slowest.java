package dev.cairn.restaurant.app;

import dev.cairn.core.query.ProcessedPosition;
import java.time.Duration;
import java.util.List;

/** Several views that must all have processed a position, e.g. the replicas one command consults. */
public record Slowest(List<ProcessedPosition> views) implements ProcessedPosition {

    public Slowest {
        views = List.copyOf(views);
        if (views.isEmpty()) {
            throw new IllegalArgumentException("at least one view");
        }
    }

    public static Slowest of(ProcessedPosition... views) {
        return new Slowest(List.of(views));
    }

    @Override
    public long position() {
        return views.stream().mapToLong(ProcessedPosition::position).min().orElseThrow();
    }

    @Override
    public boolean awaitPosition(long position, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessedPosition view : views) {
            if (!view.awaitPosition(position, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                return false;
            }
        }
        return true;
    }
}
