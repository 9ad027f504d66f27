package dev.cairn.restaurant.distributed.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One OS process of the restaurant system: {@code java -cp <this test's classpath>
 * dev.cairn.cli.Cairn run --store postgres --pg-url … --contexts … --port … --data …}, its output
 * in {@code target/distributed/<name>.log}. Killed with SIGKILL; restarted with the same arguments
 * (port and data directory included).
 */
public final class CairnProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final List<String> command;
    private final Path log;
    private Process process;
    private int starts;

    private CairnProcess(String name, int port, List<String> command, Path log) {
        this.name = name;
        this.port = port;
        this.command = command;
        this.log = log;
    }

    /** Starts the process (without waiting for it: see {@link #awaitUp}). */
    public static CairnProcess start(String name, String pgUrl, String contexts, Path data) {
        int port = Ports.free();
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx256m",
                "-Xss512k",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.cairn.cli.Cairn",
                "run",
                "--store",
                "postgres",
                "--pg-url",
                pgUrl,
                "--contexts",
                contexts,
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--data",
                data.toString(),
                "--auth-key",
                SharedKey.FILE.toString()));
        Path log = Path.of("target", "distributed", name + ".log");
        CairnProcess process = new CairnProcess(name, port, List.copyOf(command), log);
        process.launch();
        return process;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** Waits until {@code /ready} answers 200: the store takes appends and every processor runs. */
    public CairnProcess awaitUp() {
        await(name + " ready")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .failFast(name + " exited: " + tail(), () -> !process.isAlive())
                .until(() -> Http.get(uri(), "/ready").status() == 200);
        return this;
    }

    /** SIGKILL: no shutdown hook runs, no lease is released, nothing is flushed. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts it again with the same arguments (port and data directory too). */
    public CairnProcess restart() {
        if (alive()) {
            kill();
        }
        launch();
        return this;
    }

    /** What it printed, from every start. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String tail() {
        String all = output();
        return all.substring(Math.max(0, all.length() - 4_000));
    }

    private void launch() {
        try {
            Files.createDirectories(log.getParent());
            String header = "---- start " + (++starts) + ": "
                    + String.join(" ", command.subList(command.indexOf("run"), command.size()))
                    + System.lineSeparator();
            if (starts == 1) {
                Files.writeString(log, header, StandardCharsets.UTF_8);
            } else {
                Files.writeString(log, header, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            }
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Children.track(process);
        } catch (IOException e) {
            throw new UncheckedIOException("starting " + name, e);
        }
    }

    /** Stops it politely (SIGTERM: the shutdown hook releases its leases), then forcibly if it hangs. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            Children.stop(process, Duration.ofSeconds(20));
        }
    }

    @Override
    public String toString() {
        return name + " (port " + port + ")";
    }
}
