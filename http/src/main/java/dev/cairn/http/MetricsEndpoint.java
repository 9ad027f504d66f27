package dev.cairn.http;

import dev.cairn.core.processing.ProcessorStatus;
import dev.cairn.core.store.ReadLog;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.ToLongFunction;

/**
 * {@code GET /metrics} in the Prometheus text format: answers by status, the log's head, each
 * processor's position, lag and parked count, and the number of stream clients. Written by hand
 * because these few gauges do not justify a metrics library on the request path.
 */
final class MetricsEndpoint implements Handler {

    private final ReadLog log;
    private final ProcessorStatuses statuses;
    private final IntSupplier streamClients;
    private final ConnectionLimits connections;
    private final Map<Integer, LongAdder> answers = new ConcurrentSkipListMap<>();

    MetricsEndpoint(ReadLog log, ProcessorStatuses statuses, IntSupplier streamClients, ConnectionLimits connections) {
        this.log = log;
        this.statuses = statuses;
        this.streamClients = streamClients;
        this.connections = connections;
    }

    void count(int status) {
        answers.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    @Override
    public void handle(Context ctx) {
        StringBuilder text = new StringBuilder(1024);
        text.append("# TYPE cairn_http_responses_total counter\n");
        answers.forEach((status, count) -> text.append("cairn_http_responses_total{status=\"")
                .append(status)
                .append("\"} ")
                .append(count.sum())
                .append('\n'));
        single(text, "gauge", "cairn_stream_clients", streamClients.getAsInt());
        single(text, "gauge", "cairn_http_connections", connections.open());
        single(text, "gauge", "cairn_http_connections_max", connections.max());
        single(text, "counter", "cairn_http_header_deadline_closed_total", connections.cutForLateHeaders());
        try {
            // The head is read before anything of its series is written, so a store that is down leaves no half line.
            single(text, "gauge", "cairn_log_head_position", log.headPosition());
        } catch (RuntimeException unavailable) {
            // The store is down: the head is unknown, and an absent series says so better than a stale number.
        }
        List<ProcessorStatus> current = statuses.current();
        gauge(text, current, "cairn_processor_position", ProcessorStatus::position);
        gauge(text, current, "cairn_processor_lag", ProcessorStatus::lag);
        gauge(text, current, "cairn_processor_parked", ProcessorStatus::parked);
        ctx.status(200).contentType("text/plain; version=0.0.4; charset=utf-8").result(text.toString());
    }

    /** A series without labels: its type line, then its one sample. */
    private static void single(StringBuilder text, String type, String name, long value) {
        text.append("# TYPE ")
                .append(name)
                .append(' ')
                .append(type)
                .append('\n')
                .append(name)
                .append(' ')
                .append(value)
                .append('\n');
    }

    private static void gauge(
            StringBuilder text, List<ProcessorStatus> statuses, String name, ToLongFunction<ProcessorStatus> value) {
        text.append("# TYPE ").append(name).append(" gauge\n");
        for (ProcessorStatus status : statuses) {
            text.append(name)
                    .append("{processor=\"")
                    .append(escape(status.name()))
                    .append("\"} ")
                    .append(value.applyAsLong(status))
                    .append('\n');
        }
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
