package dev.cairn.restaurant.distributed.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/** Orders placed at a steady pace in the background (a client that keeps ordering whatever happens to the servers). */
public final class OrderStream implements AutoCloseable {

    private final List<String> placed = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    public OrderStream(Restaurant restaurant, String consumerId, Restaurant.Registered at, Duration pace) {
        thread = Thread.ofPlatform().daemon().name("orders-" + consumerId).start(() -> {
            while (running) {
                long next = System.nanoTime() + pace.toNanos();
                Http.Reply reply = restaurant.tryOrder(consumerId, at, "tok_visa");
                if (reply.status() == 202) {
                    placed.add(reply.field("orderId"));
                } else {
                    failures.add(reply.status() + " " + reply.text());
                }
                LockSupport.parkNanos(next - System.nanoTime()); // the pace of a client, not a synchronization
            }
        });
    }

    public int placedCount() {
        return placed.size();
    }

    public List<String> placed() {
        return List.copyOf(placed);
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops ordering; the order in flight completes. */
    public void stop() {
        running = false;
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
