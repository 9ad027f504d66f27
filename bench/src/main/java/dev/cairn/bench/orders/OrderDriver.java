package dev.cairn.bench.orders;

import dev.cairn.bench.measure.Latencies;
import dev.cairn.bench.measure.Progress;
import java.io.BufferedReader;
import java.io.IOException;
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
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drives complete orders of a running restaurant system over HTTP, from {@code POST /api/orders}
 * to the order-history view showing {@code APPROVED} on {@code /api/stream}: the whole
 * choreography (verification, ticket, payment join, approval) and the query side, as a client
 * sees it. Used by {@code cairn bench orders} (against a running system) and by
 * {@code cairn bench compare} (W4, against a system started in-process).
 *
 * <pre>{@code
 * OrderDriver.Result result = OrderDriver.run(new OrderDriver.Options(system.uri(), 20_000, 64, 0, 2_000, Duration.ofMinutes(5)));
 * }</pre>
 */
public final class OrderDriver {

    /**
     * @param url         base URL of the system
     * @param orders      orders to measure
     * @param concurrency orders in flight at once
     * @param rate        orders per second to offer (open loop); 0 means as fast as the in-flight limit allows
     * @param warmup      orders placed before measuring
     * @param timeLimit   no new order is placed after this long (the result says how many completed)
     */
    public record Options(URI url, int orders, int concurrency, double rate, int warmup, Duration timeLimit) {
        public Options {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(timeLimit, "timeLimit");
            if (orders < 1 || concurrency < 1 || warmup < 0 || rate < 0) {
                throw new IllegalArgumentException("orders and concurrency must be positive, warmup and rate not negative");
            }
        }
    }

    /** Orders that reached APPROVED (with their latencies), and those that ended otherwise. */
    public record Result(long completed, long rejected, double seconds, long[] sortedLatencies) {
        public double ordersPerSecond() {
            return completed / seconds;
        }

        public long quantileNanos(double q) {
            return Latencies.quantile(sortedLatencies, q);
        }

        public String toJson() {
            return String.format(Locale.ROOT, "{\"orders_per_sec\":%.0f, \"p50_ms\":%.2f, \"p99_ms\":%.2f, \"p999_ms\":%.2f,"
                            + " \"orders\":%d, \"not_approved\":%d, \"seconds\":%.2f}",
                    ordersPerSecond(), quantileNanos(0.5) / 1e6, quantileNanos(0.99) / 1e6, quantileNanos(0.999) / 1e6,
                    completed, rejected, seconds);
        }
    }

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, CompletableFuture<String>> outcomes = new ConcurrentHashMap<>();
    private volatile boolean streamConnected;
    private volatile boolean finished;

    private OrderDriver(Options options) {
        this.options = options;
    }

    /** Registers a consumer and a restaurant, warms up, then places and follows the measured orders. */
    public static Result run(Options options) {
        return new OrderDriver(options).run();
    }

    private Result run() {
        String consumerId = field(post("/api/consumers", "{\"name\":\"Bench consumer\"}"), "consumerId");
        String restaurant = post("/api/restaurants", "{\"name\":\"Bench bistro\",\"menu\":[{\"menuItemId\":\"soup\",\"name\":\"Soup\",\"priceCents\":650},"
                + "{\"menuItemId\":\"bread\",\"name\":\"Bread\",\"priceCents\":250}]}");
        String body = "{\"consumerId\":\"" + consumerId + "\",\"restaurantId\":\"" + field(restaurant, "restaurantId")
                + "\",\"items\":[{\"menuItemId\":\"soup\",\"quantity\":2},{\"menuItemId\":\"bread\",\"quantity\":1}],"
                + "\"deliveryAddress\":\"1 Bench Road\",\"paymentToken\":\"tok_bench\"}";
        // The first order waits until ordering's menu replica has seen the restaurant.
        post("/api/orders?consistentWith=" + field(restaurant, "position"), body);
        Thread listener = Thread.ofPlatform().daemon().name("bench-stream").start(this::listen);
        try {
            awaitStreamConnected();
            if (options.warmup() > 0) {
                drive(options.warmup(), body, "warm-up");
            }
            return drive(options.orders(), body, "bench orders");
        } finally {
            finished = true;
            listener.interrupt();
        }
    }

    private Result drive(int count, String body, String label) {
        AtomicLong next = new AtomicLong();
        LongAdder completed = new LongAdder();
        LongAdder rejected = new LongAdder();
        Latencies[] latencies = new Latencies[options.concurrency()];
        long start = System.nanoTime();
        long deadline = start + options.timeLimit().toNanos();
        long intervalNanos = options.rate() > 0 ? (long) (1e9 / options.rate()) : 0;
        List<Thread> workers = new ArrayList<>();
        try (var progress = new Progress(label, count, completed::sum)) {
            for (int w = 0; w < options.concurrency(); w++) {
                Latencies mine = latencies[w] = new Latencies();
                workers.add(Thread.ofVirtual().start(() -> {
                    long i;
                    while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < count) {
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

    /** Completes each order's future when the stream shows it APPROVED (or finally REJECTED). */
    private void listen() {
        try {
            var request = HttpRequest.newBuilder(options.url().resolve("/api/stream")).header("Accept", "text/event-stream").build();
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
            if (!finished) {
                System.err.println("bench orders: the stream failed: " + e);
            }
        }
    }

    private void awaitStreamConnected() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!streamConnected && System.nanoTime() < deadline) {
            pace(System.nanoTime() + 1_000_000);
        }
        if (!streamConnected) {
            throw new IllegalStateException("could not connect to " + options.url().resolve("/api/stream"));
        }
    }

    private String post(String path, String json) {
        try {
            var request = HttpRequest.newBuilder(options.url().resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalStateException("POST " + options.url().resolve(path) + " failed: " + e.getMessage(), e);
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
