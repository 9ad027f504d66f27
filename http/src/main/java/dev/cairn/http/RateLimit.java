package dev.cairn.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * At most {@code perSecond} requests per principal in each wall-clock second (a fixed window: a
 * burst of twice the limit across a second's edge is possible, and acceptable for a brake on a
 * runaway client).
 */
final class RateLimit {

    private final int perSecond;
    private final LongSupplier millis;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        long second;
        int count;
    }

    RateLimit(int perSecond, LongSupplier millis) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("a rate limit must be at least 1 request a second, was " + perSecond);
        }
        this.perSecond = perSecond;
        this.millis = millis;
    }

    int perSecond() {
        return perSecond;
    }

    boolean admit(String principal) {
        long second = millis.getAsLong() / 1000;
        if (windows.size() > 100_000) {
            windows.clear(); // bounded memory whatever the number of principals
        }
        Window window = windows.computeIfAbsent(principal, p -> new Window());
        synchronized (window) {
            if (window.second != second) {
                window.second = second;
                window.count = 0;
            }
            return ++window.count <= perSecond;
        }
    }
}
