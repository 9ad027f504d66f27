package dev.cairn.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.lab.report.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner and the reports, on a test double of a style (no database needed). */
class LabTest {

    private static final Plan SHORT = new Plan(
            Duration.ofMillis(300), Duration.ofMillis(1_000), 40, Duration.ofSeconds(2), Duration.ofSeconds(1));

    @TempDir
    Path work;

    private LabReport run(Scenario... scenarios) throws Exception {
        List<String> progress = new ArrayList<>();
        LabReport report = new Lab(
                        SHORT, "jdbc:postgresql://127.0.0.1:5432/postgres", work, Clock.systemUTC(), progress::add)
                .run(List.of(new FakeStyle()), List.of(scenarios));
        assertThat(progress).anyMatch(line -> line.contains("fake × " + scenarios[0].label()));
        return report;
    }

    @Test
    void the_load_is_open_loop_and_a_healthy_style_completes_every_order() throws Exception {
        RunResult healthy = run(Scenario.HEALTHY).runs().get(0);
        // 40 orders/s for three phases of a second: about 120, whatever the style answers.
        assertThat(healthy.offered()).isBetween(110, 122);
        assertThat(healthy.accepted()).isEqualTo(healthy.offered());
        // At least every accepted one: a warm-up order its client gave up on may still be stored, and is judged too.
        assertThat(healthy.completed()).isGreaterThanOrEqualTo(healthy.accepted());
        assertThat(healthy.inconsistent()).isZero();
        assertThat(healthy.stuck()).isZero();
        assertThat(healthy.timeline()).hasSize(3).noneMatch(RunResult.TimelinePoint::fault);
        assertThat(healthy.historyRecoverable()).isTrue();
        assertThat(healthy.journey()).isNotEmpty();
    }

    @Test
    void a_slow_style_cannot_slow_the_offered_load_down() throws Exception {
        RunResult slow = run(Scenario.ACCOUNTING_SLOW).runs().get(0);
        assertThat(slow.offered()).isBetween(110, 122);
        assertThat(slow.commandP99Ms()).isGreaterThanOrEqualTo(Fault.ACCOUNTING_DELAY_MS);
        assertThat(slow.commandP50Ms()).isLessThan(Fault.ACCOUNTING_DELAY_MS);
    }

    @Test
    void the_fault_is_in_force_in_the_middle_phase_only() throws Exception {
        RunResult down = run(Scenario.KITCHEN_DOWN).runs().get(0);
        assertThat(down.acceptedDuringFault()).isZero();
        assertThat(down.refused()).isBetween(38, 42);
        assertThat(down.refusals()).singleElement().asString().startsWith("503 KITCHEN_UNAVAILABLE");
        assertThat(down.timeline()).extracting(RunResult.TimelinePoint::fault).containsExactly(false, true, false);
        assertThat(down.timeline().get(1).acceptedPerS()).isZero();
        assertThat(down.timeline().get(2).acceptedPerS()).isGreaterThan(35);
    }

    @Test
    void a_fault_that_cannot_apply_is_reported_with_its_reason_and_not_run() throws Exception {
        RunResult crash = run(Scenario.ORDER_CRASH).runs().get(0);
        assertThat(crash.applicable()).isFalse();
        assertThat(crash.reason()).contains("no order service");
        assertThat(crash.offered()).isZero();
    }

    @Test
    void the_reports_carry_the_contract_fields_and_the_page_needs_no_script_or_network() throws Exception {
        LabReport report = run(Scenario.HEALTHY, Scenario.KITCHEN_DOWN, Scenario.ORDER_CRASH);
        Path out = work.resolve("out");
        Reports.write(report, out);
        JsonNode json = new ObjectMapper().readTree(out.resolve("lab.json").toFile());
        assertThat(json.get("runs")).hasSize(3);
        Set<String> fields = Set.of(
                "style",
                "scenario",
                "applicable",
                "reason",
                "offered",
                "accepted",
                "refused",
                "accepted_during_fault",
                "completed",
                "inconsistent",
                "stuck",
                "command_p50_ms",
                "command_p99_ms",
                "final_p50_ms",
                "final_p99_ms",
                "history_recoverable",
                "timeline");
        for (JsonNode run : json.get("runs")) {
            fields.forEach(f -> assertThat(run.has(f)).as("field %s", f).isTrue());
        }
        JsonNode point = json.get("runs").get(1).get("timeline").get(1);
        assertThat(point.get("fault").asBoolean()).isTrue();
        Set.of("t_s", "accepted_per_s", "completed_per_s", "p99_ms", "fault")
                .forEach(f -> assertThat(point.has(f)).isTrue());
        String html = Files.readString(out.resolve("lab.html"));
        assertThat(html)
                .contains("<svg")
                .contains("fault in force")
                .contains("journey")
                .doesNotContain("<script", " src=", "href=\"http", "@import");
        assertThat(Files.readString(out.resolve("lab.md")))
                .contains("| `fake` | healthy |")
                .contains("not applicable");
    }
}
