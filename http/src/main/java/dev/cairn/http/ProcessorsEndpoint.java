package dev.cairn.http;

import dev.cairn.core.processing.ProcessorStatus;
import dev.cairn.core.processing.TrackingProcessor;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/processors}: {@code [{"name","position","lag","parked"}]}, in registration order. */
final class ProcessorsEndpoint implements Handler {

    private final List<TrackingProcessor> processors;
    private final Replies replies;

    ProcessorsEndpoint(List<TrackingProcessor> processors, Replies replies) {
        this.processors = processors;
        this.replies = replies;
    }

    @Override
    public void handle(Context ctx) {
        replies.json(ctx, 200, processors.stream().map(p -> describe(p.status())).toList());
    }

    private static Map<String, Object> describe(ProcessorStatus status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", status.name());
        json.put("position", PositionToken.format(status.position()));
        json.put("lag", status.lag());
        json.put("parked", status.parked());
        return json;
    }
}
