package dev.cairn.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/**
 * A deadline for a request's headers, apart from the idle timeout: a client that trickles header
 * bytes (slowloris) keeps resetting the idle timeout, so it is cut when its headers are not
 * complete within {@code deadline} of their first byte (of the accept, for a connection's first
 * request). A keep-alive connection waiting for its next request is not in a request yet (the
 * idle timeout governs it), and a body, however slow, comes after the headers. Jetty 11 has no
 * such setting, so a scanner looks at every open connection's parser a few times per deadline:
 * a connection is cut between {@code deadline} and {@code deadline + period} after it began.
 */
final class HeaderDeadline extends AbstractLifeCycle implements Connection.Listener {
    private static final Waiting BETWEEN_REQUESTS = new Waiting(-1, 0);

    private final long deadlineNanos;
    private final long periodNanos;
    private final LongSupplier nanoTime;
    private final Map<HttpConnection, Waiting> open = new ConcurrentHashMap<>();
    private final LongAdder cut = new LongAdder();
    private ScheduledExecutorService scanner;

    /** The headers of request number {@code request} (requests completed before it) began at {@code since}. */
    private record Waiting(long request, long since) {}

    HeaderDeadline(Duration deadline, LongSupplier nanoTime) {
        this.deadlineNanos = deadline.toNanos();
        this.periodNanos = Math.clamp(deadlineNanos / 4, 1_000_000L, 1_000_000_000L);
        this.nanoTime = nanoTime;
    }

    /** Connections closed because their headers were late, since the start. */
    long cut() {
        return cut.sum();
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            open.put(http, new Waiting(0, nanoTime.getAsLong()));
        }
    }

    @Override
    public void onClosed(Connection connection) {
        open.remove(connection);
    }

    @Override
    protected void doStart() {
        scanner = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("cairn-header-deadline").factory());
        scanner.scheduleWithFixedDelay(this::scan, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    protected void doStop() {
        scanner.shutdownNow();
    }

    void scan() {
        long now = nanoTime.getAsLong();
        open.forEach((connection, seen) -> {
            Waiting waiting = waiting(connection, seen, now);
            if (waiting != seen) {
                open.replace(connection, seen, waiting);
            }
            if (waiting != BETWEEN_REQUESTS && now - waiting.since() >= deadlineNanos) {
                open.remove(connection);
                cut.increment();
                connection.getEndPoint().close();
            }
        });
    }

    private static Waiting waiting(HttpConnection connection, Waiting seen, long now) {
        HttpParser parser = connection.getParser();
        long request = connection.getMessagesIn();
        // START after a request: an idle keep-alive connection; START before any: the accept began the wait
        boolean inHeaders = parser.inHeaderState() && (!parser.isStart() || request == 0);
        if (!inHeaders) {
            return BETWEEN_REQUESTS;
        }
        return seen.request() == request ? seen : new Waiting(request, now);
    }
}
