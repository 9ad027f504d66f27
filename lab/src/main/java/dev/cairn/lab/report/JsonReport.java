package dev.cairn.lab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.lab.HistoryStep;
import dev.cairn.lab.LabReport;
import dev.cairn.lab.Message;
import dev.cairn.lab.RunResult;
import java.util.List;
import java.util.function.BiConsumer;

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
        putObjects(root, "claims", Claims.of(report), JsonReport::claim);
        putObjects(root, "runs", report.runs(), JsonReport::run);
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
        putObjects(node, "timeline", r.timeline(), JsonReport::timelinePoint);
        ArrayNode refusals = node.putArray("refusals");
        r.refusals().forEach(refusals::add);
        putObjects(node, "sample_history", r.sampleHistory(), JsonReport::historyStep);
        putObjects(node, "journey", r.journey(), JsonReport::message);
    }

    /** An array {@code name} holding one object per item, each filled in by {@code fill}. */
    private static <T> void putObjects(ObjectNode node, String name, List<T> items, BiConsumer<ObjectNode, T> fill) {
        ArrayNode array = node.putArray(name);
        items.forEach(item -> fill.accept(array.addObject(), item));
    }

    private static void claim(ObjectNode node, Claims.Claim claim) {
        node.put("text", claim.text());
        if (claim.holds().isPresent()) {
            node.put("holds", claim.holds().get());
        } else {
            node.putNull("holds");
        }
        node.put("evidence", claim.evidence());
    }

    private static void timelinePoint(ObjectNode node, RunResult.TimelinePoint p) {
        node.put("t_s", p.tS());
        node.put("accepted_per_s", p.acceptedPerS());
        node.put("completed_per_s", p.completedPerS());
        node.put("p99_ms", p.p99Ms());
        node.put("fault", p.fault());
    }

    private static void historyStep(ObjectNode node, HistoryStep step) {
        node.put("service", step.service());
        node.put("change", step.change());
        node.put("cause", step.cause());
        node.put("at", step.at() == null ? null : step.at().toString());
    }

    private static void message(ObjectNode node, Message m) {
        node.put("at", m.at().toString());
        node.put("from", m.from());
        node.put("to", m.to());
        node.put("text", m.text());
    }
}
