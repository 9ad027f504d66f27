package dev.cairn.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The idle timeout, a deadline for request headers, and a cap on open connections, visible in {@code /metrics}. */
class ConnectionLimitsTest {

    @Test
    void a_connection_that_sends_nothing_more_is_closed_after_the_idle_timeout() throws Exception {
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
                third.getOutputStream()
                        .write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
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
                assertThat(new String(third.getInputStream().readNBytes(12), StandardCharsets.US_ASCII))
                        .isEqualTo("HTTP/1.1 200");
            } finally {
                second.close();
            }
            String metrics = toy.get("/metrics").body();
            assertThat(metrics)
                    .contains("cairn_http_connections_max 2\n")
                    .containsPattern("cairn_http_connections [12]\n");
        }
    }

    @Test
    void a_client_trickling_its_headers_is_cut_at_the_header_deadline_whatever_the_idle_timeout() throws Exception {
        try (ToyServer toy = ToyServer.start(
                        config -> config.idleTimeout(Duration.ofSeconds(20)).headerTimeout(Duration.ofSeconds(1)));
                Socket slow = new Socket("127.0.0.1", toy.server.port())) {
            long started = System.nanoTime();
            String request = "GET /health HTTP/1.1\r\nHost: x\r\nX-Trickle: " + "a".repeat(100) + "\r\n\r\n";
            Duration cut = null;
            for (int i = 0; i < request.length() && cut == null; i++) {
                try {
                    slow.getOutputStream().write(request.charAt(i));
                    slow.getOutputStream().flush();
                } catch (IOException closed) {
                    cut = Duration.ofNanos(System.nanoTime() - started);
                }
                Thread.sleep(50);
            }

            assertThat(cut)
                    .as("the trickling client was cut")
                    .isNotNull()
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1))
                    .isLessThan(Duration.ofSeconds(3));
            assertThat(toy.get("/metrics").body()).contains("cairn_http_header_deadline_closed_total 1\n");
        }
    }

    @Test
    void a_slow_body_after_prompt_headers_is_not_cut_by_the_header_deadline() throws Exception {
        try (ToyServer toy = ToyServer.start(config -> config.headerTimeout(Duration.ofSeconds(1)));
                Socket client = new Socket("127.0.0.1", toy.server.port())) {
            String body = "{\"name\":\"slow\",\"start\":0,\"template\":\"plain\",\"labels\":[]}";
            String headers =
                    "POST /api/counters HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: "
                            + TestKeys.adminBearer() + "\r\nContent-Length: " + body.length()
                            + "\r\nConnection: close\r\n\r\n";
            client.getOutputStream().write(headers.getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            for (int i = 0; i < body.length(); i++) {
                client.getOutputStream().write(body.charAt(i));
                client.getOutputStream().flush();
                Thread.sleep(2_500 / body.length());
            }
            client.setSoTimeout(5_000);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofSeconds(2));
            assertThat(readUntilClosed(client.getInputStream())).startsWith("HTTP/1.1 201");
            assertThat(toy.get("/metrics").body()).contains("cairn_http_header_deadline_closed_total 0\n");
        }
    }

    @Test
    void two_thousand_trickling_clients_are_all_cut_and_a_normal_client_is_served_meanwhile() throws Exception {
        int clients = 2_000;
        try (ToyServer toy = ToyServer.start(config -> config.headerTimeout(Duration.ofSeconds(2)))) {
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < clients; i++) {
                    Socket socket = new Socket("127.0.0.1", toy.server.port());
                    socket.getOutputStream()
                            .write("GET /health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                    sockets.add(socket);
                }
                assertThat(toy.get("/health").statusCode())
                        .as("a normal client among the trickling ones")
                        .isEqualTo(200);
                long started = System.nanoTime();
                int open = clients;
                while (open > 0
                        && System.nanoTime() - started < Duration.ofSeconds(10).toNanos()) {
                    open = 0;
                    for (Socket socket : sockets) {
                        if (!socket.isClosed()) {
                            try {
                                socket.getOutputStream().write('a');
                                open++;
                            } catch (IOException cut) {
                                socket.close();
                            }
                        }
                    }
                    Thread.sleep(200);
                }
                assertThat(open).as("trickling clients still open").isZero();
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
            assertThat(toy.get("/metrics").body())
                    .contains("cairn_http_header_deadline_closed_total " + clients + "\n");
        }
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
}
