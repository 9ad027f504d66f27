package dev.cairn.lab;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages of recent orders, kept in memory for the SQL styles' {@code journey()}, which store no history to draw one from. This is instrumentation (what
 * a tracing agent would collect), not storage: no service of a style reads it, it keeps only the
 * newest {@value #RECENT_ORDERS} orders, and {@code history()} never consults it.
 */
public final class Trace {

    public static final int RECENT_ORDERS = 10_000;

    private final Clock clock;
    private final Map<String, List<Message>> journeys = new LinkedHashMap<>(1_024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Message>> eldest) {
            return size() > RECENT_ORDERS;
        }
    };

    public Trace(Clock clock) {
        this.clock = clock;
    }

    public synchronized void record(String orderId, String from, String to, String text) {
        journeys.computeIfAbsent(orderId, id -> new ArrayList<>()).add(new Message(clock.instant(), from, to, text));
    }

    public synchronized List<Message> journey(String orderId) {
        return List.copyOf(journeys.getOrDefault(orderId, List.of()));
    }
}
