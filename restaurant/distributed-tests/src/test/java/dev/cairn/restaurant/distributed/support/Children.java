package dev.cairn.restaurant.distributed.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
}
