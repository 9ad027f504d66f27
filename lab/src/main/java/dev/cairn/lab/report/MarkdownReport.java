package dev.cairn.lab.report;

import dev.cairn.lab.LabReport;
import dev.cairn.lab.RunResult;
import java.util.Locale;

/** {@code lab.md}: the plan, the table of every run, and which of the material's claims the numbers bear out. */
final class MarkdownReport {

    private MarkdownReport() {}

    static String render(LabReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Styles lab\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Run %s → %s. Each pair: %.0f s warm-up, then three %.0f s phases (before, during, after the fault) at %d orders/s offered (open loop; one in ten orders names an unknown consumer, one in ten pays with a declined card), clients giving up after %.1f s, then up to %.0f s for orders to settle.%n%n",
                report.started(),
                report.finished(),
                report.plan().warmUp().toMillis() / 1000.0,
                report.plan().phase().toMillis() / 1000.0,
                report.plan().ratePerSecond(),
                report.plan().clientTimeout().toMillis() / 1000.0,
                report.plan().grace().toMillis() / 1000.0));
        md.append("| style | shape |\n|---|---|\n");
        report.styles()
                .forEach(s -> md.append("| `")
                        .append(s.name())
                        .append("` | ")
                        .append(s.shape())
                        .append(" |\n"));
        md.append(
                "\n| style | scenario | offered | accepted | accepted during fault | completed | inconsistent | stuck | command p50 / p99 ms | final p50 / p99 ms | history |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (RunResult r : report.runs()) {
            if (!r.applicable()) {
                md.append("| `")
                        .append(r.style())
                        .append("` | ")
                        .append(r.scenario())
                        .append(" | — | — | — | — | — | — | — | — | not applicable: ")
                        .append(r.reason())
                        .append(" |\n");
                continue;
            }
            md.append(String.format(
                    Locale.ROOT,
                    "| `%s` | %s | %s |%n",
                    r.style(),
                    r.scenario(),
                    String.join(" | ", MeasuredCells.of(r))));
        }
        md.append("\n## What the numbers show\n\n");
        for (Claims.Claim claim : Claims.of(report)) {
            String mark = claim.holds().map(h -> h ? "✔" : "✘").orElse("·");
            md.append("- ").append(mark).append(' ').append(claim.text());
            if (!claim.evidence().isEmpty()) {
                md.append(" — ").append(claim.evidence());
            }
            md.append('\n');
        }
        md.append("\n## Refusals, by cause\n\n");
        for (RunResult r : report.runs()) {
            if (r.applicable() && !r.refusals().isEmpty()) {
                md.append("- `")
                        .append(r.style())
                        .append("` × ")
                        .append(r.scenario())
                        .append(": ")
                        .append(String.join(", ", r.refusals()))
                        .append('\n');
            }
        }
        md.append("\nCompleted: a final state on which every service agrees. Inconsistent: final states that disagree ")
                .append(
                        "(a payment authorised for a rejected order, a live ticket for a rejected one). Stuck: not final when ")
                .append(
                        "the after phase and the grace period ended, or acknowledged to the client and stored nowhere. ")
                .append("Each is judged from what every service stored, never from what the client was told.\n");
        return md.toString();
    }
}
