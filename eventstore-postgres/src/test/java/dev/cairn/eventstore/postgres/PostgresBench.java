package dev.cairn.eventstore.postgres;

import static dev.cairn.core.store.ExpectedVersion.any;

import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The performance harness (not a test): {@code PostgresBench [seconds] [rounds]}. Each round uses a
 * fresh database and measures (1) 8 writers appending one event per append, (2) 4 writers appending
 * batches of 100, (3) delivery to a tailing subscriber while 8 writers append at half of the rate
 * measured in (1): the latency to the subscriber receiving the event is measured from the start of
 * the append call (before the commit: it over-states, counting queueing in the writer) and from the
 * append's acknowledgement (after the commit: it under-states). Payloads are 160 bytes, like the pgbench
 * reference's rows. Prints each round and the medians.
 */
public final class PostgresBench {

    private static final byte[] PAYLOAD = new byte[160];

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<double[]> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            try (TestDatabase db = TestDatabase.create();
                    PostgresEventStore store = PostgresEventStore.open(
                            db.url(),
                            PostgresOptions.defaults()
                                    .withPoolSize(10)
                                    .withWriters(Integer.getInteger("writers", 1)))) {
                double single = appendRate(store, 8, 1, seconds);
                String writerAfterSingle = store.writerStatistics();
                double batched = appendRate(store, 4, 100, seconds);
                double[] latency;
                // The subscriber has a store of its own, as in another process: no shortcut from this store's writers.
                try (PostgresEventStore subscriberStore = PostgresEventStore.open(
                        db.url(), PostgresOptions.defaults().withPoolSize(2))) {
                    latency = deliveryLatency(store, subscriberStore, 8, single / 2, seconds);
                }
                System.out.printf(
                        "round %d: single-event appends, 8 writers: %.0f events/s; batches of 100, 4 writers: %.0f events/s;"
                                + " delivery at %.0f events/s from the append call: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d events);"
                                + " from the acknowledgement: p50 %.1f ms, p99 %.1f ms%n",
                        round,
                        single,
                        batched,
                        single / 2,
                        latency[0],
                        latency[1],
                        latency[2],
                        (long) latency[3],
                        latency[4],
                        latency[5]);
                System.out.println("  writer after the single-event run: " + writerAfterSingle);
                results.add(new double[] {single, batched, latency[0], latency[1], latency[4], latency[5]});
            }
        }
        System.out.printf(
                "median of %d rounds: single %.0f events/s, batch100 %.0f events/s, delivery from the call p50 %.1f ms,"
                        + " p99 %.1f ms, from the acknowledgement p50 %.1f ms, p99 %.1f ms%n",
                rounds,
                median(results, 0),
                median(results, 1),
                median(results, 2),
                median(results, 3),
                median(results, 4),
                median(results, 5));
    }

    private static double appendRate(PostgresEventStore store, int writers, int batch, int seconds) throws Exception {
        AtomicLong events = new AtomicLong();
        long warmupEnd = System.nanoTime() + 1_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            threads.add(Thread.ofPlatform().start(() -> {
                long n = 0;
                while (true) {
                    long now = System.nanoTime();
                    if (now >= end) {
                        break;
                    }
                    store.append("bench-" + writer + "-" + (n % 1000), any(), events(batch));
                    if (now >= warmupEnd) {
                        events.addAndGet(batch);
                    }
                    n++;
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return events.get() / (double) seconds;
    }

    /**
     * @return p50, p99, max in ms from the append call, the count, and p50, p99 from the append's
     *     acknowledgement (0 when delivered before it)
     */
    private static double[] deliveryLatency(
            PostgresEventStore store, PostgresEventStore subscriberStore, int writers, double rate, int seconds)
            throws Exception {
        Map<UUID, Long> started = new ConcurrentHashMap<>();
        Map<UUID, Long> acknowledged = new ConcurrentHashMap<>();
        Map<UUID, Long> delivered = new ConcurrentHashMap<>();
        long from = subscriberStore.headPosition();
        try (Subscription subscription = subscriberStore.subscribe(
                from, EventFilter.all(), event -> delivered.put(event.eventId(), System.nanoTime()))) {
            long intervalNanos = (long) (writers * 1e9 / rate);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            CountDownLatch done = new CountDownLatch(writers);
            for (int w = 0; w < writers; w++) {
                int writer = w;
                Thread.ofPlatform().start(() -> {
                    long next = System.nanoTime() + (long) (Math.random() * intervalNanos);
                    long n = 0;
                    while (next < end) {
                        LockSupport.parkNanos(next - System.nanoTime());
                        List<NewEvent> batch = events(1);
                        started.put(batch.getFirst().eventId(), System.nanoTime());
                        store.append("latency-" + writer + "-" + (n++ % 1000), any(), batch);
                        acknowledged.put(batch.getFirst().eventId(), System.nanoTime());
                        next += intervalNanos;
                    }
                    done.countDown();
                });
            }
            done.await();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (delivered.size() < started.size() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        long[] fromCall = started.entrySet().stream()
                .filter(e -> delivered.containsKey(e.getKey()))
                .mapToLong(e -> delivered.get(e.getKey()) - e.getValue())
                .sorted()
                .toArray();
        long[] fromAck = acknowledged.entrySet().stream()
                .filter(e -> delivered.containsKey(e.getKey()))
                .mapToLong(e -> Math.max(0, delivered.get(e.getKey()) - e.getValue()))
                .sorted()
                .toArray();
        if (fromCall.length < started.size()) {
            throw new IllegalStateException((started.size() - fromCall.length) + " events were not delivered");
        }
        int n = fromCall.length;
        return new double[] {
            fromCall[n / 2] / 1e6,
            fromCall[(int) (n * 0.99)] / 1e6,
            fromCall[n - 1] / 1e6,
            n,
            fromAck[n / 2] / 1e6,
            fromAck[(int) (n * 0.99)] / 1e6
        };
    }

    private static List<NewEvent> events(int count) {
        List<NewEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(NewEvent.of(UUID.randomUUID(), "bench.Happened", PAYLOAD));
        }
        return events;
    }

    private static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }
}
