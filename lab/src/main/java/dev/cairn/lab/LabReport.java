package dev.cairn.lab;

import java.time.Instant;
import java.util.List;

/** Everything one {@code ./cairn lab} found: when, with which plan, and one result per style × scenario. */
public record LabReport(Instant started, Instant finished, Plan plan, List<StyleInfo> styles, List<RunResult> runs) {

    public LabReport {
        styles = List.copyOf(styles);
        runs = List.copyOf(runs);
    }

    public record StyleInfo(String name, String shape) {}
}
