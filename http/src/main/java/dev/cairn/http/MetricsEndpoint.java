package dev.cairn.http;

import dev.cairn.core.processing.ProcessorStatus;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.store.ReadLog;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * {@code GET /metrics} in the Prometheus text format: answers by status, the log's head, each
 * processor's position, lag and parked count, and the number of stream clients. Written by hand
 * because these few gauges do not justify a metrics library on the request path.
 */
final class MetricsEndpoint implements Handler {

    private final ReadLog log;
    private final List<TrackingProcessor> processors;
    private final List<Supplier<? extends Collection<ProcessorStatus>>> sources;
    private final IntSupplier streamClients;
    private final ConnectionLimits connections;
    private final Map<Integer, LongAdder> answers = new ConcurrentSkipListMap<>();

    /** @param sources more processor rows, asked on each request (as for {@code /api/processors}) */
    MetricsEndpoint(
            ReadLog log,
            List<TrackingProcessor> processors,
            List<Supplier<? extends Collection<ProcessorStatus>>> sources,
            IntSupplier streamClients,
            ConnectionLimits connections) {
        this.connections = connections;
        this.log = log;
        this.processors = processors;
        this.sources = sources;
        this.streamClients = streamClients;
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
        text.append("# TYPE cairn_stream_clients gauge\ncairn_stream_clients ")
                .append(streamClients.getAsInt())
                .append('\n');
        text.append("# TYPE cairn_http_connections gauge\ncairn_http_connections ")
                .append(connections.open())
                .append('\n');
        text.append("# TYPE cairn_http_connections_max gauge\ncairn_http_connections_max ")
                .append(connections.max())
                .append('\n');
        text.append("# TYPE cairn_http_header_deadline_closed_total counter\ncairn_http_header_deadline_closed_total ")
                .append(connections.cutForLateHeaders())
                .append('\n');
        try {
            text.append("# TYPE cairn_log_head_position gauge\ncairn_log_head_position ")
                    .append(log.headPosition())
                    .append('\n');
        } catch (RuntimeException unavailable) {
            // The store is down: the head is unknown, and an absent series says so better than a stale number.
        }
        List<ProcessorStatus> statuses = new ArrayList<>();
        processors.forEach(p -> statuses.add(p.status()));
        sources.forEach(source -> statuses.addAll(source.get()));
        gauge(text, statuses, "cairn_processor_position", ProcessorStatus::position);
        gauge(text, statuses, "cairn_processor_lag", ProcessorStatus::lag);
        gauge(text, statuses, "cairn_processor_parked", ProcessorStatus::parked);
        ctx.status(200).contentType("text/plain; version=0.0.4; charset=utf-8").result(text.toString());
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
