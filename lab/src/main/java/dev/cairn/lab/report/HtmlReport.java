package dev.cairn.lab.report;

import dev.cairn.lab.LabReport;
import dev.cairn.lab.Message;
import dev.cairn.lab.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@code lab.html}: one page, no script and nothing fetched — throughput and p99 over time per
 * scenario with the fault window shaded, the outcomes per style, and one order's journey per style
 * as a sequence diagram. The charts are SVG drawn here, so the page opens anywhere, offline.
 */
final class HtmlReport {

    private static final String[] COLOURS = {"#1b6ca8", "#c0392b", "#2e8b57", "#8e44ad", "#d68910"};
    private static final int WIDTH = 520;
    private static final int HEIGHT = 200;
    private static final int LEFT = 46;
    private static final int BOTTOM = 24;

    private HtmlReport() {}

    static String render(LabReport report) {
        Map<String, String> colours = new LinkedHashMap<>();
        report.styles().forEach(s -> colours.put(s.name(), COLOURS[colours.size() % COLOURS.length]));
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Cairn styles lab</title>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>")
                .append("body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1d2733;max-width:1180px}")
                .append(
                        "table{border-collapse:collapse;font-size:.85rem}td,th{border:1px solid #c8d0d8;padding:.25rem .45rem;text-align:right}")
                .append(
                        "td:first-child,td:nth-child(2),th{text-align:left}.charts{display:flex;flex-wrap:wrap;gap:1rem}")
                .append(
                        "svg{background:#fbfcfd;border:1px solid #dde3e9;max-width:100%;height:auto}.legend span{margin-right:1rem}")
                .append(".ok{color:#1e7b3a}.no{color:#b03a2e}</style></head><body>");
        html.append("<h1>Cairn styles lab</h1><p>")
                .append(Svg.escape(String.format(
                        Locale.ROOT,
                        "%s → %s · %d orders/s offered, phases of %.0f s (before, during, after the fault)",
                        report.started(),
                        report.finished(),
                        report.plan().ratePerSecond(),
                        report.plan().phase().toMillis() / 1000.0)))
                .append("</p>");
        html.append("<p class=\"legend\">");
        colours.forEach((style, colour) -> html.append("<span style=\"color:")
                .append(colour)
                .append("\">■ ")
                .append(Svg.escape(style))
                .append("</span>"));
        html.append("</p>");
        claims(html, report);
        table(html, report);
        for (String scenario : scenarios(report)) {
            List<RunResult> runs = report.runs().stream()
                    .filter(r -> r.scenario().equals(scenario) && r.applicable())
                    .toList();
            html.append("<h2>").append(Svg.escape(scenario)).append("</h2><div class=\"charts\">");
            html.append(timeChart("accepted orders per second · " + scenario, runs, colours, p -> p.acceptedPerS()));
            html.append(timeChart("command p99 (ms) · " + scenario, runs, colours, RunResult.TimelinePoint::p99Ms));
            html.append("</div>");
        }
        html.append("<h2>Outcomes</h2><div class=\"charts\">");
        for (String scenario : scenarios(report)) {
            html.append(outcomes(
                    scenario,
                    report.runs().stream()
                            .filter(r -> r.scenario().equals(scenario))
                            .toList()));
        }
        html.append("</div><h2>One order's journey per style</h2><div class=\"charts\">");
        for (LabReport.StyleInfo style : report.styles()) {
            report.runs().stream()
                    .filter(r -> r.style().equals(style.name()) && !r.journey().isEmpty())
                    .findFirst()
                    .ifPresent(r -> html.append(journey(style.name(), r.journey())));
        }
        html.append("</div></body></html>\n");
        return html.toString();
    }

    private static List<String> scenarios(LabReport report) {
        return new ArrayList<>(new LinkedHashSet<>(
                report.runs().stream().map(RunResult::scenario).toList()));
    }

    private static void claims(StringBuilder html, LabReport report) {
        html.append("<h2>What the numbers show</h2><ul>");
        for (Claims.Claim claim : Claims.of(report)) {
            String css = claim.holds().map(h -> h ? "ok" : "no").orElse("");
            String mark = claim.holds().map(h -> h ? "✔" : "✘").orElse("·");
            html.append("<li class=\"")
                    .append(css)
                    .append("\">")
                    .append(mark)
                    .append(' ')
                    .append(Svg.escape(claim.text()))
                    .append(claim.evidence().isEmpty() ? "" : " — " + Svg.escape(claim.evidence()))
                    .append("</li>");
        }
        html.append("</ul>");
    }

    private static void table(StringBuilder html, LabReport report) {
        html.append(
                        "<table><tr><th>style</th><th>scenario</th><th>offered</th><th>accepted</th><th>during fault</th><th>completed</th>")
                .append(
                        "<th>inconsistent</th><th>stuck</th><th>cmd p50/p99 ms</th><th>final p50/p99 ms</th><th>history</th></tr>");
        for (RunResult r : report.runs()) {
            html.append("<tr><td>")
                    .append(Svg.escape(r.style()))
                    .append("</td><td>")
                    .append(Svg.escape(r.scenario()))
                    .append("</td>");
            if (!r.applicable()) {
                html.append("<td colspan=\"9\" style=\"text-align:left\">not applicable: ")
                        .append(Svg.escape(r.reason()))
                        .append("</td></tr>");
                continue;
            }
            List<String> cells = MeasuredCells.of(r);
            int history = cells.size() - 1;
            cells.subList(0, history)
                    .forEach(cell -> html.append("<td>").append(cell).append("</td>"));
            html.append("<td title=\"")
                    .append(Svg.escape(r.historyVerdict()))
                    .append("\">")
                    .append(cells.get(history))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static String timeChart(
            String title,
            List<RunResult> runs,
            Map<String, String> colours,
            ToDoubleFunction<RunResult.TimelinePoint> value) {
        int seconds = runs.stream().mapToInt(r -> r.timeline().size()).max().orElse(1);
        double max = Math.max(
                        1,
                        runs.stream()
                                .flatMap(r -> r.timeline().stream())
                                .mapToDouble(value)
                                .max()
                                .orElse(1))
                * 1.1;
        double plotW = WIDTH - LEFT - 10;
        double plotH = HEIGHT - BOTTOM - 22;
        Svg svg = new Svg(WIDTH, HEIGHT, title);
        svg.text(LEFT, 14, title, "start", 12, "#1d2733");
        runs.stream()
                .findFirst()
                .ifPresent(r -> r.timeline().stream()
                        .filter(RunResult.TimelinePoint::fault)
                        .forEach(p -> svg.rect(
                                LEFT + p.tS() * plotW / seconds,
                                22,
                                plotW / seconds,
                                plotH,
                                "#f5dcdc",
                                "fault in force")));
        svg.line(LEFT, 22 + plotH, LEFT + plotW, 22 + plotH, "#8795a1", 1, false)
                .line(LEFT, 22, LEFT, 22 + plotH, "#8795a1", 1, false);
        svg.text(LEFT - 4, 26, String.format(Locale.ROOT, "%.0f", max), "end", 10, "#52606d")
                .text(LEFT - 4, 22 + plotH, "0", "end", 10, "#52606d");
        svg.text(LEFT + plotW, HEIGHT - 6, seconds + " s", "end", 10, "#52606d");
        for (RunResult run : runs) {
            StringBuilder points = new StringBuilder();
            for (RunResult.TimelinePoint p : run.timeline()) {
                points.append(String.format(
                        Locale.ROOT,
                        "%.1f,%.1f ",
                        LEFT + (p.tS() + 0.5) * plotW / seconds,
                        22 + plotH - value.applyAsDouble(p) / max * plotH));
            }
            svg.polyline(points.toString().trim(), colours.getOrDefault(run.style(), "#444"), run.style());
        }
        return svg.end();
    }

    private static String outcomes(String scenario, List<RunResult> runs) {
        int rowH = 26;
        int height = 34 + runs.size() * rowH;
        int labelW = 150;
        double barW = WIDTH - labelW - 20;
        int max = Math.max(
                1,
                runs.stream()
                        .mapToInt(r -> r.completed() + r.inconsistent() + r.stuck())
                        .max()
                        .orElse(1));
        Svg svg = new Svg(WIDTH, height, "outcomes · " + scenario);
        svg.text(10, 16, "completed / inconsistent / stuck · " + scenario, "start", 12, "#1d2733");
        int y = 28;
        for (RunResult r : runs) {
            svg.text(labelW - 6, y + 15, r.style(), "end", 11, "#1d2733");
            if (!r.applicable()) {
                svg.text(labelW, y + 15, "not applicable", "start", 11, "#7b8794");
            } else {
                double x = labelW;
                double w1 = r.completed() * barW / max;
                double w2 = r.inconsistent() * barW / max;
                double w3 = r.stuck() * barW / max;
                svg.rect(x, y + 3, w1, 16, "#2e8b57", r.completed() + " completed")
                        .rect(x + w1, y + 3, w2, 16, "#c0392b", r.inconsistent() + " inconsistent")
                        .rect(x + w1 + w2, y + 3, w3, 16, "#d68910", r.stuck() + " stuck");
                svg.text(
                        x + w1 + w2 + w3 + 4,
                        y + 15,
                        r.completed() + " / " + r.inconsistent() + " / " + r.stuck(),
                        "start",
                        10,
                        "#52606d");
            }
            y += rowH;
        }
        return svg.end();
    }

    /** A sequence diagram: one column per participant in order of appearance, one arrow per message, top to bottom. */
    private static String journey(String style, List<Message> messages) {
        List<String> participants = new ArrayList<>(new LinkedHashSet<>(messages.stream()
                .flatMap(m -> List.of(m.from(), m.to()).stream())
                .toList()));
        int columnW = Math.max(110, Math.min(160, (WIDTH * 2 - 40) / Math.max(1, participants.size())));
        int width = 40 + columnW * participants.size();
        int rowH = 30;
        int height = 56 + messages.size() * rowH;
        Svg svg = new Svg(width, height, "journey of one order · " + style);
        svg.text(10, 16, "one order's journey · " + style, "start", 12, "#1d2733");
        for (int i = 0; i < participants.size(); i++) {
            double x = 20 + columnW * (i + 0.5);
            svg.text(x, 38, participants.get(i), "middle", 11, "#1d2733")
                    .line(x, 44, x, height - 6, "#c8d0d8", 1, true);
        }
        int y = 62;
        long start = messages.isEmpty() ? 0 : messages.get(0).at().toEpochMilli();
        for (Message m : messages) {
            double x1 = 20 + columnW * (participants.indexOf(m.from()) + 0.5);
            double x2 = 20 + columnW * (participants.indexOf(m.to()) + 0.5);
            svg.line(x1, y, x2, y, "#1b6ca8", 1.5, false);
            svg.rect(x2 + (x2 >= x1 ? -5 : 0), y - 3, 5, 6, "#1b6ca8", null);
            String label = m.text() + "  +" + (m.at().toEpochMilli() - start) + " ms";
            svg.text((x1 + x2) / 2, y - 5, label, "middle", 10, "#1d2733");
            y += rowH;
        }
        return svg.end();
    }
}
