package dev.cairn.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Drives complete orders over HTTP, from {@code POST /api/orders} to the order-history view
 * showing {@code APPROVED} on {@code /api/stream}: the whole choreography (verification, ticket,
 * payment join, approval) and the query side, as a client sees it.
 */
@Command(name = "orders", mixinStandardHelpOptions = true,
        description = "Drive orders over HTTP from POST to APPROVED; last line JSON with orders_per_sec, p50_ms, p99_ms.")
final class BenchOrders implements Runnable {

    @Option(names = "--orders", description = "orders to place (default ${DEFAULT-VALUE})")
    int orders = 20_000;

    @Option(names = "--concurrency", description = "orders in flight at once (default ${DEFAULT-VALUE})")
    int concurrency = 64;

    @Option(names = "--rate", description = "orders per second to offer (open loop); 0 means as fast as the in-flight limit allows")
    double rate = 0;

    @Option(names = "--warmup", description = "orders placed before measuring (default ${DEFAULT-VALUE})")
    int warmup = 2_000;

    @Option(names = "--url", description = "base URL of a running system (default ${DEFAULT-VALUE})")
    URI url = URI.create("http://127.0.0.1:8080");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, CompletableFuture<String>> outcomes = new ConcurrentHashMap<>();

    @Override
    public void run() {
        if (orders < 1 || concurrency < 1 || warmup < 0 || rate < 0) {
            throw new IllegalArgumentException("--orders and --concurrency must be positive, --warmup and --rate not negative");
        }
        String consumerId = field(post("/api/consumers", "{\"name\":\"Bench consumer\"}"), "consumerId");
        String restaurant = post("/api/restaurants", "{\"name\":\"Bench bistro\",\"menu\":[{\"menuItemId\":\"soup\",\"name\":\"Soup\",\"priceCents\":650},"
                + "{\"menuItemId\":\"bread\",\"name\":\"Bread\",\"priceCents\":250}]}");
        String body = "{\"consumerId\":\"" + consumerId + "\",\"restaurantId\":\"" + field(restaurant, "restaurantId")
                + "\",\"items\":[{\"menuItemId\":\"soup\",\"quantity\":2},{\"menuItemId\":\"bread\",\"quantity\":1}],"
                + "\"deliveryAddress\":\"1 Bench Road\",\"paymentToken\":\"tok_bench\"}";
        // The first order waits until ordering's menu replica has seen the restaurant.
        post("/api/orders?consistentWith=" + field(restaurant, "position"), body);
        Thread listener = Thread.ofPlatform().daemon().name("bench-stream").start(this::listen);
        awaitStreamConnected();
        if (warmup > 0) {
            drive(warmup, body, "warm-up");
        }
        System.out.println(drive(orders, body, "bench orders").toJson());
        listener.interrupt();
    }

    private record Result(long completed, long rejected, double seconds, long[] sortedLatencies) {
        String toJson() {
            return String.format(Locale.ROOT, "{\"orders_per_sec\":%.0f, \"p50_ms\":%.2f, \"p99_ms\":%.2f, \"p999_ms\":%.2f,"
                            + " \"orders\":%d, \"not_approved\":%d, \"seconds\":%.2f}",
                    completed / seconds, Latencies.quantile(sortedLatencies, 0.5) / 1e6, Latencies.quantile(sortedLatencies, 0.99) / 1e6,
                    Latencies.quantile(sortedLatencies, 0.999) / 1e6, completed, rejected, seconds);
        }
    }

    private Result drive(int count, String body, String label) {
        AtomicLong next = new AtomicLong();
        LongAdder completed = new LongAdder();
        LongAdder rejected = new LongAdder();
        Latencies[] latencies = new Latencies[concurrency];
        long start = System.nanoTime();
        long intervalNanos = rate > 0 ? (long) (1e9 / rate) : 0;
        List<Thread> workers = new ArrayList<>();
        try (var progress = new Progress(label, count, completed::sum)) {
            for (int w = 0; w < concurrency; w++) {
                Latencies mine = latencies[w] = new Latencies();
                workers.add(Thread.ofVirtual().start(() -> {
                    long i;
                    while ((i = next.getAndIncrement()) < count) {
                        if (intervalNanos > 0) {
                            pace(start + i * intervalNanos);
                        }
                        long t0 = System.nanoTime();
                        String orderId = field(post("/api/orders", body), "orderId");
                        String state = outcomes.computeIfAbsent(orderId, id -> new CompletableFuture<>()).orTimeout(60, TimeUnit.SECONDS).join();
                        outcomes.remove(orderId);
                        long elapsed = System.nanoTime() - t0;
                        if (state.equals("APPROVED")) {
                            mine.record(elapsed);
                            completed.increment();
                        } else {
                            rejected.increment();
                        }
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Result(completed.sum(), rejected.sum(), (System.nanoTime() - start) / 1e9, Latencies.merged(latencies));
    }

    private static void pace(long dueNanos) {
        long wait = dueNanos - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private volatile boolean streamConnected;

    /** Completes each order's future when the stream shows it APPROVED (or finally REJECTED). */
    private void listen() {
        try {
            var request = HttpRequest.newBuilder(url.resolve("/api/stream")).header("Accept", "text/event-stream").build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            streamConnected = true;
            try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        String state = field(line, "state");
                        if (state.equals("APPROVED") || state.equals("REJECTED")) {
                            outcomes.computeIfAbsent(field(line, "orderId"), id -> new CompletableFuture<>()).complete(state);
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println("bench orders: the stream failed: " + e);
        }
    }

    private void awaitStreamConnected() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!streamConnected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            pace(System.nanoTime() + 1_000_000);
        }
        if (!streamConnected) {
            throw new IllegalStateException("could not connect to " + url.resolve("/api/stream"));
        }
    }

    private String post(String path, String json) {
        try {
            var request = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("POST " + url.resolve(path) + " failed: " + e.getMessage(), e);
        }
    }

    /** The string value of a top-level field, without a JSON parser: the stream is fast and the shapes are ours. */
    static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int at = json.indexOf(key);
        if (at < 0) {
            throw new IllegalStateException("no \"" + name + "\" in " + json);
        }
        int from = at + key.length();
        return json.substring(from, json.indexOf('"', from));
    }
}
