package dev.cairn.http;

import dev.cairn.core.processing.ProcessorStatus;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/processors}: {@code [{"name","position","lag","parked","running"}]}, plus
 * {@code "stoppedBecause"} for a processor that stopped by itself, in registration order,
 * then the rows of the status sources as they are at the moment.
 */
record ProcessorsEndpoint(ProcessorStatuses statuses, Replies replies) implements Handler {

    @Override
    public void handle(Context ctx) {
        List<Map<String, Object>> rows = new ArrayList<>();
        statuses.current().forEach(status -> rows.add(describe(status)));
        replies.json(ctx, 200, rows);
    }

    private static Map<String, Object> describe(ProcessorStatus status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", status.name());
        json.put("position", PositionToken.format(status.position()));
        json.put("lag", status.lag());
        json.put("parked", status.parked());
        json.put("running", status.running());
        if (!status.stoppedBecause().isEmpty()) {
            json.put("stoppedBecause", status.stoppedBecause());
        }
        return json;
    }
}
