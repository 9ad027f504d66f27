package dev.cairn.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A header deadline (the idle timeout) and a cap on open connections, both visible in {@code /metrics}. */
class ConnectionLimitsTest {

    @Test
    void a_connection_that_never_finishes_its_headers_is_closed_after_the_idle_timeout() throws Exception {
        try (ToyServer toy = ToyServer.start(config -> config.idleTimeout(Duration.ofMillis(500)));
             Socket slow = new Socket("127.0.0.1", toy.server.port())) {
            slow.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            slow.setSoTimeout(5_000);
            long started = System.nanoTime();

            String answer = readUntilClosed(slow.getInputStream()); // a read timeout (5 s) would fail the test

            assertThat(answer).as("no request was served").doesNotContain("200");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void beyond_the_cap_connections_wait_until_one_closes_and_metrics_show_the_count() throws Exception {
        try (ToyServer toy = ToyServer.start(config -> config.maxConnections(2))) {
            Socket first = new Socket("127.0.0.1", toy.server.port());
            Socket second = new Socket("127.0.0.1", toy.server.port());
            Thread.sleep(200);
            try (Socket third = new Socket("127.0.0.1", toy.server.port())) {
                third.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                third.setSoTimeout(700);
                boolean answered;
                try {
                    answered = third.getInputStream().read() >= 0;
                } catch (SocketTimeoutException waiting) {
                    answered = false;
                }
                assertThat(answered).as("answered beyond the cap").isFalse();

                first.close();
                third.setSoTimeout(5_000);
                assertThat(new String(third.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            } finally {
                second.close();
            }
            String metrics = toy.get("/metrics").body();
            assertThat(metrics).contains("cairn_http_connections_max 2\n").containsPattern("cairn_http_connections [12]\n");
        }
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
}
