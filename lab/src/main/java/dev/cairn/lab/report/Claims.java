package dev.cairn.lab.report;

import dev.cairn.lab.Fault;
import dev.cairn.lab.LabReport;
import dev.cairn.lab.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the course material teaches, as checks on a report: each claim holds, fails, or cannot be
 * judged because the runs it needs were not made. The reports print them; the lab's CI test
 * asserts them on a quick run.
 */
public final class Claims {

    /** @param holds empty when the runs the claim needs are missing from the report */
    public record Claim(String text, Optional<Boolean> holds, String evidence) {}

    private static final List<String> EVENT_SOURCED = List.of("choreography", "async-orchestration");

    private Claims() {}

    public static List<Claim> of(LabReport report) {
        List<Claim> claims = new ArrayList<>();
        for (String style : EVENT_SOURCED) {
            claims.add(find(report, style, "kitchen-down")
                    .map(r -> new Claim(
                            style
                                    + " keeps accepting orders while the kitchen is down (≥ 95 %) and completes every accepted order after it heals",
                            Optional.of(r.acceptedDuringFault() >= 0.95
                                    && r.inconsistent() == 0
                                    && r.stuck() == 0
                                    && r.completed() >= r.accepted()),
                            String.format(
                                    "%.0f %% accepted during the fault; %d completed, %d inconsistent, %d stuck of %d accepted",
                                    r.acceptedDuringFault() * 100,
                                    r.completed(),
                                    r.inconsistent(),
                                    r.stuck(),
                                    r.accepted())))
                    .orElse(missing(style + " under kitchen-down")));
        }
        claims.add(find(report, "sync-orchestration", "kitchen-down")
                .map(r -> new Claim(
                        "sync-orchestration refuses or times out most orders while the kitchen is down",
                        Optional.of(r.acceptedDuringFault() < 0.5),
                        String.format("%.0f %% accepted during the fault", r.acceptedDuringFault() * 100)))
                .orElse(missing("sync-orchestration under kitchen-down")));
        Optional<RunResult> syncSlow = find(report, "sync-orchestration", "accounting-slow");
        Optional<RunResult> syncHealthy = find(report, "sync-orchestration", "healthy");
        claims.add(
                syncSlow.isPresent() && syncHealthy.isPresent()
                        ? new Claim(
                                "sync-orchestration's command p99 grows by accounting's delay ("
                                        + Fault.ACCOUNTING_DELAY_MS + " ms): above the healthy median plus the delay",
                                // Against the healthy median, not the healthy p99: one slow request on a healthy day
                                // must not hide the delay.
                                Optional.of(syncSlow.get().commandP99Ms()
                                        >= syncHealthy.get().commandP50Ms() + Fault.ACCOUNTING_DELAY_MS),
                                String.format(
                                        "healthy p50 %.0f ms and p99 %.0f ms; with accounting slow p99 %.0f ms",
                                        syncHealthy.get().commandP50Ms(),
                                        syncHealthy.get().commandP99Ms(),
                                        syncSlow.get().commandP99Ms()))
                        : missing("sync-orchestration under healthy and accounting-slow"));
        claims.add(find(report, "choreography", "accounting-slow")
                .map(r -> new Claim(
                        "choreography's command p99 stays under 100 ms while accounting is slow",
                        Optional.of(r.commandP99Ms() < 100),
                        String.format("p99 %.0f ms", r.commandP99Ms())))
                .orElse(missing("choreography under accounting-slow")));
        for (String style : EVENT_SOURCED) {
            claims.add(find(report, style, "order-crash")
                    .map(r -> new Claim(
                            style + " has no inconsistent or stuck order after the order service crashed",
                            Optional.of(r.inconsistent() == 0 && r.stuck() == 0),
                            String.format("%d inconsistent, %d stuck", r.inconsistent(), r.stuck())))
                    .orElse(missing(style + " under order-crash")));
        }
        claims.add(history(report, "crud-monolith", false));
        for (String style : EVENT_SOURCED) {
            claims.add(history(report, style, true));
        }
        return claims;
    }

    private static Claim history(LabReport report, String style, boolean expected) {
        Optional<RunResult> run = report.runs().stream()
                .filter(r -> r.style().equals(style) && r.applicable())
                .findFirst();
        String text = style + (expected ? " can" : " cannot") + " reconstruct an order's history";
        return run.map(r -> new Claim(text, Optional.of(r.historyRecoverable() == expected), r.historyVerdict()))
                .orElse(missing(style));
    }

    private static Optional<RunResult> find(LabReport report, String style, String scenario) {
        return report.runs().stream()
                .filter(r -> r.style().equals(style) && r.scenario().equals(scenario) && r.applicable())
                .findFirst();
    }

    private static Claim missing(String what) {
        return new Claim("(not judged: " + what + " was not run)", Optional.empty(), "");
    }
}
