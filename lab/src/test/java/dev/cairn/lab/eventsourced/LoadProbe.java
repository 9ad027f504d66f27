package dev.cairn.lab.eventsourced;

import static org.awaitility.Awaitility.await;

import dev.cairn.lab.Fault;
import dev.cairn.lab.LabEnvironment;
import dev.cairn.lab.OrderClient;
import dev.cairn.lab.OrderRequest;
import dev.cairn.lab.Outcome;
import dev.cairn.lab.Placement;
import dev.cairn.lab.Style;
import dev.cairn.lab.StyleRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A small open-loop load, as the lab drives a style: orders at a fixed rate whatever the answers,
 * a third of them each kind, optionally through a fault in the middle; then every accepted order
 * must reach a final state on which the services agree.
 */
public final class LoadProbe {

    /** What one probe saw. */
    public record Result(
            Duration startup,
            int offered,
            int accepted,
            Map<String, Long> refusals,
            Map<Outcome, Long> outcomes,
            long p99Millis) {

        public boolean everyAcceptedOrderCompleted() {
            return outcomes.getOrDefault(Outcome.COMPLETED, 0L) == accepted;
        }
    }

    private LoadProbe() {}

    public static Result run(Style style, int ordersPerSecond, Duration phase, Fault fault) throws Exception {
        Path work = Files.createTempDirectory("cairn-lab-load");
        long started = System.nanoTime();
        try (StyleRun run =
                        style.start(new LabEnvironment("jdbc:postgresql://127.0.0.1:5432/postgres", work, "lab_load"));
                OrderClient client = new OrderClient(Duration.ofSeconds(2), Clock.systemUTC())) {
            Duration startup = Duration.ofNanos(System.nanoTime() - started);
            ConcurrentLinkedQueue<Placement> placements = new ConcurrentLinkedQueue<>();
            offer(run, client, ordersPerSecond, phase, placements);
            if (fault != null) {
                run.inject(fault);
                offer(run, client, ordersPerSecond, phase, placements);
                run.heal(fault);
            }
            offer(run, client, ordersPerSecond, phase, placements);
            List<Placement> all = new ArrayList<>(placements);
            Set<String> accepted = all.stream()
                    .filter(p -> p instanceof Placement.Accepted)
                    .map(p -> ((Placement.Accepted) p).orderId())
                    .collect(Collectors.toSet());
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> run.facts().stream()
                                    .filter(f -> accepted.contains(f.orderId()))
                                    .filter(f -> Outcome.of(f) != Outcome.STUCK)
                                    .count()
                            == accepted.size());
            Map<Outcome, Long> outcomes = run.facts().stream()
                    .filter(f -> accepted.contains(f.orderId()))
                    .collect(Collectors.groupingBy(Outcome::of, Collectors.counting()));
            List<Long> latencies = run.facts().stream()
                    .filter(f -> accepted.contains(f.orderId()))
                    .map(f -> Duration.between(f.createdAt(), f.finalAt()).toMillis())
                    .sorted()
                    .toList();
            long p99 = latencies.isEmpty()
                    ? 0
                    : latencies.get((int) Math.min(latencies.size() - 1, latencies.size() * 0.99));
            Map<String, Long> refusals = all.stream()
                    .filter(p -> p instanceof Placement.Refused)
                    .collect(Collectors.groupingBy(p -> ((Placement.Refused) p).why(), Collectors.counting()));
            return new Result(startup, all.size(), accepted.size(), refusals, outcomes, p99);
        } finally {
            WorkFiles.delete(work);
        }
    }

    private static void offer(
            StyleRun run,
            OrderClient client,
            int perSecond,
            Duration phase,
            ConcurrentLinkedQueue<Placement> placements)
            throws InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long count = phase.toNanos() / interval;
        OrderRequest.Kind[] kinds = OrderRequest.Kind.values();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            for (long i = 0; i < count; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                OrderRequest request = OrderRequest.of(kinds[(int) (i % kinds.length)], run.fixture());
                executor.submit(() -> placements.add(client.place(run, request)));
            }
        }
    }
}
