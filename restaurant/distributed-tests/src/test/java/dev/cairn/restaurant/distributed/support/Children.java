package dev.cairn.restaurant.distributed.support;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Every child process a test started, killed when the test JVM exits however it ends (a timeout included). */
final class Children {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "kill-children"));
    }

    private Children() {}

    static void track(Process process) {
        LIVE.removeIf(p -> !p.isAlive());
        LIVE.add(process);
    }

    /**
     * SIGTERM, so the child shuts down its own way; SIGKILL if it has not exited within {@code grace}
     * (then half as long again for the kill to take).
     */
    static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(grace.toMillis() / 2, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
