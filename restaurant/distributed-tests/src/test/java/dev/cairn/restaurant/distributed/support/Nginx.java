package dev.cairn.restaurant.distributed.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Debian's nginx as a child process, with the shipped {@code deploy/nginx/cairn.conf} whose example
 * ports are replaced by the ones the test's processes listen on. Runs in a prefix directory of its
 * own ({@code nginx -c <file> -p <dir> -e stderr -g 'daemon off;'}): the system's nginx service is
 * never touched.
 */
public record Nginx(Process process, int port, Path log) implements AutoCloseable {

    /** Where the test finds the binary; {@code scripts/install-nginx.sh} installs it. */
    public static final Path BINARY = Path.of(System.getenv().getOrDefault("CAIRN_NGINX", "/usr/sbin/nginx"));

    /** The configuration shipped in the repository. */
    public static Path shippedConfiguration() {
        Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        for (Path dir = base; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/nginx/cairn.conf");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("deploy/nginx/cairn.conf not found above " + base);
    }

    /**
     * Starts nginx with the shipped configuration, each example port replaced.
     *
     * @param ports example port (as in the shipped file, e.g. 8081) → the port to use instead; the
     *              listening port 8080 included
     */
    public static Nginx start(Map<Integer, Integer> ports, Path prefix) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: run scripts/install-nginx.sh (Debian's nginx)");
        }
        try {
            String config = Files.readString(shippedConfiguration(), StandardCharsets.UTF_8);
            for (var port : ports.entrySet()) {
                String example = "127.0.0.1:" + port.getKey();
                if (!config.contains(example)) {
                    throw new IllegalStateException("the shipped configuration no longer mentions " + example);
                }
                config = config.replace(example, "127.0.0.1:" + port.getValue());
            }
            Files.createDirectories(prefix);
            Path file = prefix.resolve("nginx.conf");
            Files.writeString(file, config, StandardCharsets.UTF_8);
            Path log = prefix.resolve("nginx.log");
            Process process = new ProcessBuilder(
                            BINARY.toString(),
                            "-c",
                            file.toString(),
                            "-p",
                            prefix.toString(),
                            "-e",
                            "stderr",
                            "-g",
                            "daemon off;")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Children.track(process);
            Nginx nginx = new Nginx(process, ports.get(8080), log);
            await("nginx answering on " + nginx.uri())
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .failFast("nginx exited: " + nginx.output(), () -> !process.isAlive())
                    .until(() -> Http.get(nginx.uri(), "/health").status() == 200);
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        Children.stop(process, Duration.ofSeconds(10)); // SIGTERM: nginx's fast shutdown
    }
}
