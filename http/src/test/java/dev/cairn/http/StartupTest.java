package dev.cairn.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A fresh JVM answers {@code /health} without heavy initialisation first. The 2 s figure itself is
 * measured by a benchmark (docs/benchmarks.md), not here: a shared CI machine makes timings noisy,
 * so this bound only catches a start that is several times too slow.
 */
class StartupTest {

    /** Several times the 2 s target: a start this slow means something heavy crept into start-up. */
    static final Duration LIMIT = Duration.ofMillis(10_000);

    @Test
    void a_fresh_process_answers_health_quickly() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(java, "-cp", classpath, StartupMain.class.getName(), "20000")
                .redirectErrorStream(true)
                .start();
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String port = readPort(out);
            HttpResponse<String> health = awaitHealth(URI.create("http://127.0.0.1:" + port + "/health"));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

            System.out.println("process start to /health 200: " + elapsed.toMillis() + " ms");
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\",\"checks\":\"liveness only; see /ready\"}");
            assertThat(elapsed).isLessThan(LIMIT);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static String readPort(BufferedReader out) throws Exception {
        StringBuilder printed = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("port=")) {
                return line.substring("port=".length());
            }
            printed.append(line).append('\n');
        }
        throw new AssertionError("the process ended without printing its port; it printed:\n" + printed);
    }

    private static HttpResponse<String> awaitHealth(URI health) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                HttpResponse<String> response =
                        client.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response;
                }
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("/health never answered 200");
    }
}
