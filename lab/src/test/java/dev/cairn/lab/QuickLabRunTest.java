package dev.cairn.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.lab.report.Claims;
import dev.cairn.lab.report.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn lab --quick} as CI runs it: all four styles through all four scenarios, and the
 * qualitative outcomes the material teaches must show in the measurements — each claim of
 * {@link Claims} holds. The report is kept in {@code target/lab-results} for whoever reads the build.
 */
class QuickLabRunTest {

    @TempDir
    Path work;

    @Test
    void the_quick_lab_shows_what_the_material_teaches() throws Exception {
        LabReport report = new Lab(Plan.QUICK, TestPostgres.adminUrl(), work, Clock.systemUTC(), System.out::println)
                .run(Styles.all(), Arrays.asList(Scenario.values()));
        Reports.write(report, Path.of("target", "lab-results"));

        assertThat(report.runs()).hasSize(16);
        assertThat(report.runs())
                .filteredOn(r -> !r.applicable())
                .extracting(r -> r.style() + " × " + r.scenario())
                .containsExactly("crud-monolith × kitchen-down");
        List<Claims.Claim> claims = Claims.of(report);
        assertThat(claims)
                .allSatisfy(claim -> assertThat(claim.holds())
                        .as(claim.text() + " — " + claim.evidence())
                        .hasValue(true));
        for (RunResult run : report.runs()) {
            if (run.applicable() && run.scenario().equals("healthy")) {
                assertThat(run.inconsistent() + run.stuck())
                        .as("%s on a healthy day", run.style())
                        .isZero();
                assertThat(run.accepted())
                        .as("%s accepts every order on a healthy day", run.style())
                        .isEqualTo(run.offered());
            }
        }
        assertThat(Files.readString(Path.of("target", "lab-results", "lab.html")))
                .contains("<svg");
    }
}
