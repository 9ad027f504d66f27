package dev.cairn.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests waiting for consistency hold a virtual thread each, not a platform thread: hundreds of
 * them leave the server free to answer others, and all are served once the view catches up.
 */
class ManyWaitersTest {

    static final int WAITERS = 300;
    static ToyServer toy;

    @BeforeAll
    static void start() {
        toy = ToyServer.start(config -> config.consistencyTimeout(Duration.ofSeconds(20)));
    }

    @AfterAll
    static void stop() {
        toy.close();
    }

    @Test
    void hundreds_of_waiting_queries_do_not_starve_the_server() throws Exception {
        long next = toy.store.realHead() + 1;
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int i = 0; i < WAITERS; i++) {
            HttpRequest request = HttpRequest.newBuilder(toy.uri("/api/counters?consistentWith=" + next))
                    .header("Authorization", TestKeys.adminBearer())
                    .timeout(Duration.ofSeconds(30))
                    .build();
            waiting.add(toy.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        ManualPosition.sleep(500);

        long started = System.nanoTime();
        HttpResponse<String> health = toy.get("/health");
        Duration healthTook = Duration.ofNanos(System.nanoTime() - started);
        assertThat(waiting)
                .as("nothing is served before the view reaches the position")
                .noneMatch(CompletableFuture::isDone);

        toy.createCounter("released");

        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(healthTook).isLessThan(Duration.ofSeconds(2));
        assertThat(waiting).allSatisfy(f -> {
            assertThat(f.get().statusCode()).isEqualTo(200);
            assertThat(f.get().body()).contains("released");
        });
    }
}
