package dev.cairn.cli;

import dev.cairn.lab.Lab;
import dev.cairn.lab.LabReport;
import dev.cairn.lab.Plan;
import dev.cairn.lab.Scenario;
import dev.cairn.lab.Style;
import dev.cairn.lab.Styles;
import dev.cairn.lab.report.Claims;
import dev.cairn.lab.report.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cairn lab}: the styles lab. Runs the same order flow as a CRUD monolith, a synchronous
 * orchestration, an asynchronous orchestration and a choreography through the same faults, and writes
 * {@code lab.json}, {@code lab.md} and {@code lab.html}.
 */
@Command(
        name = "lab",
        mixinStandardHelpOptions = true,
        description = "Run the styles lab: four architectural styles, the same load and faults, measured side by side.")
final class LabCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "short phases and a low rate: all 16 pairs in about 4 minutes")
    boolean quick;

    @Option(
            names = "--styles",
            description =
                    "comma-separated styles (default: all four: crud-monolith, sync-orchestration, async-orchestration, choreography)")
    String styles;

    @Option(
            names = "--scenarios",
            description =
                    "comma-separated scenarios (default: all four: healthy, kitchen-down, accounting-slow, order-crash)")
    String scenarios;

    @Option(names = "--out", description = "where to write lab.json, lab.md and lab.html (default ${DEFAULT-VALUE})")
    Path out = Path.of("lab-results");

    @Option(
            names = "--pg-url",
            description =
                    "JDBC URL of the PostgreSQL maintenance database; the lab creates and drops databases of its own there (default ${DEFAULT-VALUE})")
    String pgUrl = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    @Option(names = "--rate", description = "orders offered per second, overriding the plan's")
    Integer rate;

    @Override
    public Integer call() throws Exception {
        Plan plan = quick ? Plan.QUICK : Plan.FULL;
        if (rate != null) {
            plan = new Plan(plan.warmUp(), plan.phase(), rate, plan.grace(), plan.clientTimeout());
        }
        List<Style> chosenStyles = styles == null ? Styles.all() : Styles.named(styles);
        List<Scenario> chosenScenarios =
                scenarios == null ? Arrays.asList(Scenario.values()) : Styles.scenarios(scenarios);
        Path work = Files.createTempDirectory("cairn-lab");
        try {
            LabReport report = new Lab(plan, pgUrl, work, Clock.systemUTC(), System.err::println)
                    .run(chosenStyles, chosenScenarios);
            for (Path written : Reports.write(report, out)) {
                System.out.println("wrote " + written);
            }
            Claims.of(report)
                    .forEach(c -> System.out.println(
                            c.holds().map(h -> h ? "  ✔ " : "  ✘ ").orElse("  · ")
                                    + c.text()
                                    + (c.evidence().isEmpty() ? "" : " — " + c.evidence())));
            return 0;
        } finally {
            Stores.deleteRecursively(work);
        }
    }
}
