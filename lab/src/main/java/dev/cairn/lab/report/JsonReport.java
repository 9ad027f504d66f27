package dev.cairn.lab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.lab.HistoryStep;
import dev.cairn.lab.LabReport;
import dev.cairn.lab.Message;
import dev.cairn.lab.RunResult;

/** {@code lab.json}: {@code {"runs": [...]}} with exactly the contract's field names, plus the plan and the styles' shapes. */
final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    static String render(LabReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("started", report.started().toString());
        root.put("finished", report.finished().toString());
        ObjectNode plan = root.putObject("plan");
        plan.put("warm_up_s", report.plan().warmUp().toMillis() / 1000.0);
        plan.put("phase_s", report.plan().phase().toMillis() / 1000.0);
        plan.put("offered_per_s", report.plan().ratePerSecond());
        plan.put("client_timeout_s", report.plan().clientTimeout().toMillis() / 1000.0);
        plan.put("grace_s", report.plan().grace().toMillis() / 1000.0);
        ObjectNode styles = root.putObject("styles");
        report.styles().forEach(s -> styles.put(s.name(), s.shape()));
        ArrayNode claims = root.putArray("claims");
        for (Claims.Claim claim : Claims.of(report)) {
            ObjectNode c = claims.addObject();
            c.put("text", claim.text());
            if (claim.holds().isPresent()) {
                c.put("holds", claim.holds().get());
            } else {
                c.putNull("holds");
            }
            c.put("evidence", claim.evidence());
        }
        ArrayNode runs = root.putArray("runs");
        report.runs().forEach(r -> run(runs.addObject(), r));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("lab.json could not be written", e);
        }
    }

    private static void run(ObjectNode node, RunResult r) {
        node.put("style", r.style());
        node.put("scenario", r.scenario());
        node.put("applicable", r.applicable());
        node.put("reason", r.reason());
        node.put("offered", r.offered());
        node.put("accepted", r.accepted());
        node.put("refused", r.refused());
        node.put("accepted_during_fault", r.acceptedDuringFault());
        node.put("completed", r.completed());
        node.put("inconsistent", r.inconsistent());
        node.put("stuck", r.stuck());
        node.put("command_p50_ms", r.commandP50Ms());
        node.put("command_p99_ms", r.commandP99Ms());
        node.put("final_p50_ms", r.finalP50Ms());
        node.put("final_p99_ms", r.finalP99Ms());
        node.put("history_recoverable", r.historyRecoverable());
        node.put("history_verdict", r.historyVerdict());
        ArrayNode timeline = node.putArray("timeline");
        for (RunResult.TimelinePoint p : r.timeline()) {
            ObjectNode point = timeline.addObject();
            point.put("t_s", p.tS());
            point.put("accepted_per_s", p.acceptedPerS());
            point.put("completed_per_s", p.completedPerS());
            point.put("p99_ms", p.p99Ms());
            point.put("fault", p.fault());
        }
        ArrayNode refusals = node.putArray("refusals");
        r.refusals().forEach(refusals::add);
        ArrayNode history = node.putArray("sample_history");
        for (HistoryStep step : r.sampleHistory()) {
            ObjectNode s = history.addObject();
            s.put("service", step.service());
            s.put("change", step.change());
            s.put("cause", step.cause());
            s.put("at", step.at() == null ? null : step.at().toString());
        }
        ArrayNode journey = node.putArray("journey");
        for (Message m : r.journey()) {
            ObjectNode s = journey.addObject();
            s.put("at", m.at().toString());
            s.put("from", m.from());
            s.put("to", m.to());
            s.put("text", m.text());
        }
    }
}
