package dev.cairn.bench.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The comparison's results: the table as text (stdout), Markdown and JSON, with the machine, the physical references and the goals. */
public final class Report {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String scale;
    private final Map<String, Object> machine;
    private final Map<String, Object> physical;
    private final List<Row> rows;
    private final List<Goal> goals;
    private final String loadAtEnd;
    private final double seconds;
    private final Instant finished = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    Report(
            String scale,
            Map<String, Object> machine,
            Map<String, Object> physical,
            List<Row> rows,
            String loadAtEnd,
            double seconds) {
        this.scale = scale;
        this.machine = Map.copyOf(machine);
        this.physical = new LinkedHashMap<>(physical);
        this.rows = List.copyOf(rows);
        this.goals = Goal.evaluate(rows, physical);
        this.loadAtEnd = loadAtEnd;
        this.seconds = seconds;
    }

    /** Whether every goal this run could evaluate was met. */
    public boolean allGoalsMet() {
        return goals.stream().allMatch(Goal::met);
    }

    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%nCairn against its peers (%s run, %.0f s, load average %s at start, %s at end)%n",
                scale,
                seconds,
                machine.get("load_average_at_start"),
                loadAtEnd));
        out.append(physicalLine()).append('\n');
        String format = "%-9s %-24s %-8s %18s %10s %10s %-24s %s%n";
        out.append(String.format(
                Locale.ROOT,
                format,
                "workload",
                "system",
                "durable",
                "throughput",
                "p50",
                "p99",
                "Cairn ÷ peer",
                "configuration / notes"));
        for (Row r : rows) {
            out.append(String.format(
                    Locale.ROOT,
                    format,
                    r.workload(),
                    r.system(),
                    r.durable() ? "yes" : "no",
                    throughput(r),
                    latency(r.p50Micros()),
                    latency(r.p99Micros()),
                    ratio(r),
                    r.config() + notes(r)));
        }
        out.append("\nGoals:\n");
        out.append(goalLines("  %-70s target %5.1f×  got %6.2f×  %s%n", "MISSED"));
        return out.toString();
    }

    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                Locale.ROOT,
                "Run: `%s`, finished %s, %.0f s. Load average (1, 5, 15 min) %s at start, %s at end.%n%n",
                scale,
                finished,
                seconds,
                machine.get("load_average_at_start"),
                loadAtEnd));
        md.append(String.format(
                Locale.ROOT,
                "Machine: %s, %s cores, %s, %s, %s (max heap %s MB). Peers: Axon Framework %s, sqlite-jdbc %s, rocksdbjni %s.%n%n",
                machine.get("cpu"),
                machine.get("cores"),
                machine.get("memory"),
                machine.get("kernel"),
                machine.get("jvm"),
                machine.get("max_heap_mb"),
                machine.get("axon_framework"),
                machine.get("sqlite_jdbc"),
                machine.get("rocksdbjni")));
        md.append(physicalLine()).append("\n\n");
        md.append(
                "| workload | system | configuration | durable | throughput | p50 | p99 | Cairn ÷ peer | load (1 min) | notes |\n");
        md.append("|---|---|---|---|---:|---:|---:|---|---:|---|\n");
        for (Row r : rows) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s | %s | %s | %.1f | %s |%n",
                    r.workload(),
                    r.system(),
                    r.config(),
                    r.durable() ? "yes" : "no",
                    throughput(r),
                    latency(r.p50Micros()),
                    latency(r.p99Micros()),
                    ratio(r),
                    r.load1(),
                    notes(r).replaceFirst("^; ", "")));
        }
        md.append("\n| goal | target | this run | |\n|---|---:|---:|---|\n");
        md.append(goalLines("| %s | ≥ %.1f× | %.2f× | %s |%n", "**missed**"));
        return md.toString();
    }

    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scale", scale);
        root.put("finished", finished.toString());
        root.put("seconds", Math.round(seconds));
        root.put("machine", machine);
        root.put("load_average_at_end", loadAtEnd);
        root.put("physical_reference", physical);
        List<Map<String, Object>> rowMaps = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("workload", r.workload());
            m.put("system", r.system());
            m.put("configuration", r.config());
            m.put("durable", r.durable());
            m.put("throughput", finite(Math.round(r.throughput() * 10) / 10.0));
            m.put("unit", r.unit());
            m.put("p50_us", finite(Math.round(r.p50Micros() * 10) / 10.0));
            m.put("p99_us", finite(Math.round(r.p99Micros() * 10) / 10.0));
            m.put("operations", r.done());
            m.put("planned", r.planned());
            m.put("seconds", Math.round(r.seconds() * 100) / 100.0);
            m.put("load_1min", r.load1());
            m.put("versus", r.versus());
            m.put("cairn_over_peer", finite(ratioValue(r)));
            m.putAll(r.extra());
            rowMaps.add(m);
        }
        root.put("rows", rowMaps);
        List<Map<String, Object>> goalMaps = new ArrayList<>();
        for (Goal g : goals) {
            goalMaps.add(Map.of(
                    "goal",
                    g.name(),
                    "target",
                    g.target(),
                    "actual",
                    Math.round(g.actual() * 100) / 100.0,
                    "met",
                    g.met()));
        }
        root.put("goals", goalMaps);
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(Path json, Path markdown) {
        try {
            if (json.toAbsolutePath().getParent() != null) {
                Files.createDirectories(json.toAbsolutePath().getParent());
            }
            Files.writeString(json, toJson());
            Files.writeString(markdown, toMarkdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row as one progress line on stderr. */
    static String oneLine(Row r) {
        return String.format(
                Locale.ROOT,
                "%s %s: %s, p50 %s, p99 %s%s",
                r.workload(),
                r.system(),
                throughput(r),
                latency(r.p50Micros()),
                latency(r.p99Micros()),
                notes(r));
    }

    /** One line per goal, in {@code format}: its name, target, result and whether it was met ("met" or {@code missed}). */
    private String goalLines(String format, String missed) {
        StringBuilder lines = new StringBuilder();
        for (Goal g : goals) {
            lines.append(
                    String.format(Locale.ROOT, format, g.name(), g.target(), g.actual(), g.met() ? "met" : missed));
        }
        return lines.toString();
    }

    private String physicalLine() {
        return String.format(
                Locale.ROOT,
                "Physical references (same run): disk sequential write %s MB/s; 4 KiB dsync writes %s/s (%s µs each);"
                        + " pgbench single-row insert transactions %s/s from 1 client, %s/s from 8; 100-row insert statements %s rows/s from 4 clients%s.",
                physical.getOrDefault("disk_seq_write_mb_s", "?"),
                physical.getOrDefault("fsync_4k_per_s", "?"),
                physical.getOrDefault("fsync_4k_us", "?"),
                physical.getOrDefault("pg_insert_tps_1_client", "?"),
                physical.getOrDefault("pg_insert_tps_8_clients", "?"),
                physical.getOrDefault("pg_batch100_rows_per_s", "?"),
                physical.containsKey("error") ? " (failed: " + physical.get("error") + ")" : "");
    }

    private static String throughput(Row r) {
        return Double.isNaN(r.throughput())
                ? "failed"
                : String.format(Locale.ROOT, "%,.0f %s", r.throughput(), r.unit());
    }

    private static String latency(double micros) {
        if (Double.isNaN(micros)) {
            return "–";
        }
        return micros >= 10_000
                ? String.format(Locale.ROOT, "%.1f ms", micros / 1e3)
                : micros >= 1_000
                        ? String.format(Locale.ROOT, "%.2f ms", micros / 1e3)
                        : String.format(Locale.ROOT, "%.0f µs", micros);
    }

    private double ratioValue(Row r) {
        if (r.versus() == null) {
            return Double.NaN;
        }
        return Goal.find(rows, r.workload(), r.versus())
                .map(c -> c.throughput() / r.throughput())
                .orElse(Double.NaN);
    }

    private String ratio(Row r) {
        double value = ratioValue(r);
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.2f× (%s)", value, r.versus());
    }

    private static String notes(Row r) {
        StringBuilder notes = new StringBuilder();
        if (r.extra().containsKey("error")) {
            notes.append("; failed: ").append(r.extra().get("error"));
        }
        if (r.cutShort()) {
            notes.append(String.format(
                    Locale.ROOT, "; time limit: %,d of %,d done in %.0f s", r.done(), r.planned(), r.seconds()));
        }
        if (r.extra().get("log_mb_per_sec") != null) {
            notes.append("; log ").append(r.extra().get("log_mb_per_sec")).append(" MB/s");
        }
        return notes.toString();
    }

    private static Object finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
