package dev.cairn.lab;

import java.util.List;
import java.util.Objects;

/**
 * One style under one scenario, as measured: the fields of {@code lab.json}'s runs (see
 * {@code docs/contract/styles-lab.md}), plus the sample history and journey the report draws.
 *
 * @param acceptedDuringFault accepted ÷ offered in the middle phase, 0…1
 * @param finalP50Ms          from the client's request to the order's final state, completed orders only
 * @param timeline            one point per second of the three measured phases
 */
public record RunResult(
        String style,
        String scenario,
        boolean applicable,
        String reason,
        int offered,
        int accepted,
        int refused,
        double acceptedDuringFault,
        int completed,
        int inconsistent,
        int stuck,
        double commandP50Ms,
        double commandP99Ms,
        double finalP50Ms,
        double finalP99Ms,
        boolean historyRecoverable,
        String historyVerdict,
        List<TimelinePoint> timeline,
        List<String> refusals,
        List<HistoryStep> sampleHistory,
        List<Message> journey) {

    public RunResult {
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(scenario, "scenario");
        timeline = List.copyOf(timeline);
        refusals = List.copyOf(refusals);
        sampleHistory = List.copyOf(sampleHistory);
        journey = List.copyOf(journey);
    }

    /** A scenario that cannot apply to a style, reported as such with the reason. */
    public static RunResult notApplicable(String style, String scenario, String reason) {
        return new RunResult(
                style, scenario, false, reason, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, "not run", List.of(), List.of(),
                List.of(), List.of());
    }

    /** @param fault whether the fault was in force during that second */
    public record TimelinePoint(int tS, int acceptedPerS, int completedPerS, double p99Ms, boolean fault) {}
}
