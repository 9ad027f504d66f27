package dev.cairn.restaurant.app.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kitchen staff and couriers who act on their own, so a newcomer sees whole lifecycles. They are
 * outsiders like any client: they watch {@code /api/stream} and act through the HTTP API after
 * short, human-looking delays — never by reaching into a context.
 */
public final class Simulation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Simulation.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Duration pace;
    private final String authorization;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("cairn-simulation").factory());
    private final Set<String> done = ConcurrentHashMap.newKeySet();
    private final BooleanSupplier on;
    private volatile boolean running = true;
    private Thread listener;

    private Simulation(URI base, Duration pace, String token, BooleanSupplier on) {
        this.base = base;
        this.on = on;
        this.pace = pace;
        this.authorization = "Bearer " + token;
    }

    /**
     * Starts acting on the system at {@code base}; {@code pace} is the delay before each step;
     * {@code token} is an admin's, since the simulation plays every kitchen and courier at once.
     */
    public static Simulation start(URI base, Duration pace, String token) {
        return start(base, pace, token, () -> true);
    }

    /** As {@link #start(URI, Duration, String)}; while {@code on} says false it watches but takes no step. */
    public static Simulation start(URI base, Duration pace, String token, BooleanSupplier on) {
        var simulation = new Simulation(base, pace, token, on);
        simulation.timer.schedule(simulation::hireCouriers, 0, TimeUnit.MILLISECONDS);
        simulation.listener = Thread.ofVirtual().name("cairn-simulation-stream").start(simulation::listen);
        return simulation;
    }

    /**
     * The simulation drives the couriers that exist; only when there are none does it hire its
     * own, named so nobody takes them for real people.
     */
    private void hireCouriers() {
        if (couriersExist()) {
            return;
        }
        for (String name : new String[] {"Rosa (simulated courier)", "Lin (simulated courier)"}) {
            post("/api/couriers", "{\"name\":\"" + name + "\"}");
        }
    }

    private boolean couriersExist() {
        for (int attempt = 0; attempt < 20 && running; attempt++) {
            try {
                var request = HttpRequest.newBuilder(base.resolve("/api/couriers"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", authorization)
                        .GET()
                        .build();
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return !JSON.readTree(response.body()).path("couriers").isEmpty();
                }
            } catch (Exception e) {
                LOG.debug("simulation: listing couriers failed", e);
            }
            sleep(Duration.ofMillis(500)); // the courier directory may still be catching up (503)
        }
        return false;
    }

    private void listen() {
        while (running) {
            try {
                var request = HttpRequest.newBuilder(base.resolve("/api/stream"))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", authorization)
                        .GET()
                        .build();
                var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while (running && (line = lines.readLine()) != null) {
                        if (line.startsWith("data:")) {
                            onOrderView(JSON.readTree(line.substring(5).trim()));
                        }
                    }
                }
            } catch (Exception e) {
                if (running) {
                    LOG.debug("simulation lost the stream, reconnecting", e);
                    sleep(Duration.ofSeconds(1));
                }
            }
        }
    }

    private void onOrderView(JsonNode view) {
        String id = view.path("orderId").asText();
        String ticket = view.path("ticketState").asText("");
        String delivery = view.path("deliveryState").asText("");
        switch (ticket) {
            case "AWAITING_ACCEPTANCE" ->
                once(
                        id,
                        "accept",
                        "/api/tickets/" + id + "/accept",
                        "{\"readyBy\":\"" + Instant.now().plus(Duration.ofMinutes(15)) + "\"}");
            case "ACCEPTED" -> once(id, "preparing", "/api/tickets/" + id + "/preparing", null);
            case "PREPARING" -> once(id, "ready", "/api/tickets/" + id + "/ready", null);
            case "READY_FOR_PICKUP" -> {
                if (delivery.equals("SCHEDULED")) {
                    once(id, "pickup", "/api/deliveries/" + id + "/pickup", null);
                }
            }
            default -> {}
        }
        if (delivery.equals("PICKED_UP")) {
            once(id, "deliver", "/api/deliveries/" + id + "/deliver", null);
        }
    }

    private void once(String orderId, String step, String path, String body) {
        if (on.getAsBoolean() && done.add(orderId + "/" + step)) {
            timer.schedule(() -> post(path, body), pace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void post(String path, String body) {
        try {
            var builder = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", authorization);
            var request = body == null
                    ? builder.POST(HttpRequest.BodyPublishers.noBody()).build()
                    : builder.header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                LOG.debug("simulation: {} answered {} {}", path, response.statusCode(), response.body());
            }
        } catch (Exception e) {
            LOG.debug("simulation: {} failed", path, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        timer.shutdownNow();
        if (listener != null) {
            listener.interrupt();
        }
    }
}
