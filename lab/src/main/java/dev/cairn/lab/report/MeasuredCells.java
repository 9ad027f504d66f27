package dev.cairn.lab.report;

import dev.cairn.lab.RunResult;
import java.util.List;
import java.util.Locale;

/**
 * The measured columns of one applicable run's row, after its style and scenario: formatted here
 * once, so the Markdown and the HTML table cannot drift apart in what they show or how.
 */
final class MeasuredCells {

    private MeasuredCells() {}

    /** offered, accepted, accepted during fault, completed, inconsistent, stuck, command and final p50 / p99, history. */
    static List<String> of(RunResult r) {
        return List.of(
                Integer.toString(r.offered()),
                Integer.toString(r.accepted()),
                String.format(Locale.ROOT, "%.0f %%", r.acceptedDuringFault() * 100),
                Integer.toString(r.completed()),
                Integer.toString(r.inconsistent()),
                Integer.toString(r.stuck()),
                String.format(Locale.ROOT, "%.0f / %.0f", r.commandP50Ms(), r.commandP99Ms()),
                String.format(Locale.ROOT, "%.0f / %.0f", r.finalP50Ms(), r.finalP99Ms()),
                r.historyRecoverable() ? "recoverable" : "not recoverable");
    }
}
