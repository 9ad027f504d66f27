package dev.cairn.restaurant.browser;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium from the Debian packages {@code chromium} and {@code chromium-driver}, both given
 * by path so Selenium Manager never looks for (or downloads) a browser or a driver.
 */
record Browser(Path profile, ChromeDriverService service, ChromeDriver driver) implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("cairn.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("cairn.chromedriver", "/usr/bin/chromedriver"));

    /** Selenium looks for CDP bindings it is not given (none are needed here) and says so at WARNING; held so the level sticks. */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
    }

    /**
     * Why the browser cannot be started, or null when it can: the message tells how to install it.
     * The test fails (never skips) with it, in CI and on a workstation alike.
     */
    static String missing() {
        StringBuilder missing = new StringBuilder();
        for (Path binary : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(binary)) {
                missing.append(missing.isEmpty() ? "" : " and ").append(binary);
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        return "headless Chromium is not installed (" + missing + " missing): run scripts/install-browser.sh"
                + " (as root or with sudo; it installs the Debian packages chromium and chromium-driver)"
                + ("true".equals(System.getenv("CI")) ? "; in CI, .ci/run calls it before Maven" : "");
    }

    /** Fails the test (never skips it) when the browser is not installed, saying how to install it. */
    static void requireInstalled() {
        String missing = missing();
        if (missing != null) {
            fail(missing);
        }
    }

    static Browser start(int width, int height) throws IOException {
        Path profile = Files.createTempDirectory("cairn-chromium-profile-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(20))
                .withLogOutput(System.out)
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=en-US",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        try {
            return new Browser(profile, service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp profile is harmless
        }
    }
}
