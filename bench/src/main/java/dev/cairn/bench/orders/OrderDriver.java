package dev.cairn.bench.orders;

import dev.cairn.bench.measure.Latencies;
import dev.cairn.bench.measure.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
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
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Drives complete orders of a running restaurant system over HTTP, from {@code POST /api/orders}
 * to the order-history view showing {@code APPROVED} on {@code /api/stream}: the whole
 * choreography (verification, ticket, payment join, approval) and the query side, as a client
 * sees it. Used by {@code cairn bench orders} (against a running system) and by
 * {@code cairn bench compare} (W4, against a system started in-process).
 *
 * <pre>{@code
 * OrderDriver.Result result = OrderDriver.run(new OrderDriver.Options(system.uri(), 20_000, 64, 0, 2_000, Duration.ofMinutes(5), adminToken));
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
     * @param token       an admin's bearer token: the driver creates the consumer and restaurant it orders for
     */
    public record Options(
            URI url, int orders, int concurrency, double rate, int warmup, Duration timeLimit, String token) {
        public Options {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(timeLimit, "timeLimit");
            if (orders < 1 || concurrency < 1 || warmup < 0 || rate < 0) {
                throw new IllegalArgumentException(
                        "orders and concurrency must be positive, warmup and rate not negative");
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
            return String.format(
                    Locale.ROOT,
                    "{\"orders_per_sec\":%.0f, \"p50_ms\":%.2f, \"p99_ms\":%.2f, \"p999_ms\":%.2f,"
                            + " \"orders\":%d, \"not_approved\":%d, \"seconds\":%.2f}",
                    ordersPerSecond(),
                    quantileNanos(0.5) / 1e6,
                    quantileNanos(0.99) / 1e6,
                    quantileNanos(0.999) / 1e6,
                    completed,
                    rejected,
                    seconds);
        }
    }

    private final Options options;
    /**
     * Apache's blocking client on virtual threads, one pooled keep-alive connection per order in
     * flight: with client and server on the same two cores, the JDK's asynchronous client took
     * nearly as much CPU per order as the server it measured.
     */
    private final CloseableHttpClient http;

    private final Map<String, CompletableFuture<String>> outcomes = new ConcurrentHashMap<>();
    private volatile boolean streamConnected;
    private volatile boolean finished;

    private OrderDriver(Options options) {
        this.options = options;
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(options.concurrency() + 4)
                        .setMaxConnPerRoute(options.concurrency() + 4)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofSeconds(30))
                        .build())
                .disableAutomaticRetries() // a POST retried on its own could place an order twice
                .disableCookieManagement()
                .disableRedirectHandling()
                .disableContentCompression()
                .build();
    }

    /** Registers a consumer and a restaurant, warms up, then places and follows the measured orders. */
    public static Result run(Options options) {
        OrderDriver driver = new OrderDriver(options);
        try (CloseableHttpClient ignored = driver.http) {
            return driver.run();
        } catch (IOException e) {
            throw new IllegalStateException("closing the HTTP client failed", e);
        }
    }

    private Result run() {
        String consumerId = field(post("/api/consumers", "{\"name\":\"Bench consumer\"}"), "consumerId");
        String restaurant = post(
                "/api/restaurants",
                "{\"name\":\"Bench bistro\",\"menu\":[{\"menuItemId\":\"soup\",\"name\":\"Soup\",\"priceCents\":650},"
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
                        String state = outcomes.computeIfAbsent(orderId, id -> new CompletableFuture<>())
                                .orTimeout(60, TimeUnit.SECONDS)
                                .join();
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
        return new Result(
                completed.sum(), rejected.sum(), (System.nanoTime() - start) / 1e9, Latencies.merged(latencies));
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
            var request = new HttpGet(options.url().resolve("/api/stream"));
            request.setHeader("Accept", "text/event-stream");
            request.setHeader("Authorization", "Bearer " + options.token());
            request.setConfig(
                    RequestConfig.custom().setResponseTimeout(Timeout.DISABLED).build());
            http.execute(request, response -> {
                streamConnected = true;
                try (var lines = new BufferedReader(
                        new InputStreamReader(response.getEntity().getContent(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null && !finished) {
                        if (line.startsWith("data:")) {
                            String state = field(line, "state");
                            if (state.equals("APPROVED") || state.equals("REJECTED")) {
                                outcomes.computeIfAbsent(field(line, "orderId"), id -> new CompletableFuture<>())
                                        .complete(state);
                            }
                        }
                    }
                }
                request.cancel(); // the stream never ends on its own: drop the connection rather than drain it
                return null;
            });
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
            throw new IllegalStateException(
                    "could not connect to " + options.url().resolve("/api/stream"));
        }
    }

    private String post(String path, String json) {
        var request = new HttpPost(options.url().resolve(path));
        request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        request.setHeader("Authorization", "Bearer " + options.token());
        try {
            return http.execute(request, (ClassicHttpResponse response) -> {
                String body = body(response);
                if (response.getCode() / 100 != 2) {
                    throw new IllegalStateException("POST " + path + " answered " + response.getCode() + ": " + body);
                }
                return body;
            });
        } catch (IOException e) {
            throw new IllegalStateException("POST " + options.url().resolve(path) + " failed: " + e.getMessage(), e);
        }
    }

    private static String body(ClassicHttpResponse response) throws IOException {
        try {
            return response.getEntity() == null
                    ? ""
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
        } catch (ParseException e) {
            throw new IOException("unreadable response body: " + e.getMessage(), e);
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
