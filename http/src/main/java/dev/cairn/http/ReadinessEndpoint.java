package dev.cairn.http;

import dev.cairn.core.processing.ProcessorStatus;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.StoreHealth;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /ready}: 200 {@code {"status":"READY"}} only while the event store takes appends
 * and every processor runs; otherwise 503 {@code {"status":"NOT_READY","reasons":[…]}}, one
 * sentence per reason. Load balancers route commands by it. {@code /health} stays liveness only:
 * a process that answers it is alive, and restarting it would not heal a full disk.
 */
record ReadinessEndpoint(EventStore store, ProcessorStatuses statuses, Replies replies) implements Handler {

    @Override
    public void handle(Context ctx) {
        List<String> reasons = reasons();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", reasons.isEmpty() ? "READY" : "NOT_READY");
        if (!reasons.isEmpty()) {
            body.put("reasons", reasons);
        }
        replies.json(ctx, reasons.isEmpty() ? 200 : 503, body);
    }

    private List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        StoreHealth health = store.health();
        if (!health.writable()) {
            reasons.add("the event store takes no appends: " + health.reason());
        }
        statuses.current().forEach(status -> requireRunning(status, reasons));
        return reasons;
    }

    private static void requireRunning(ProcessorStatus status, List<String> reasons) {
        if (!status.running()) {
            reasons.add("processor " + status.name() + " is stopped"
                    + (status.stoppedBecause().isEmpty() ? "" : ": " + status.stoppedBecause()));
        }
    }
}
