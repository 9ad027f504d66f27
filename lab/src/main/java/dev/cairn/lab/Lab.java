package dev.cairn.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Runs every chosen style through every chosen scenario, one pair at a time on fresh storage, and
 * measures what happened: the load's answers, then each service's own stored state.
 */
public final class Lab {

    private final Plan plan;
    private final String postgresAdminUrl;
    private final Path workDirectory;
    private final Clock clock;
    private final Consumer<String> progress;

    /**
     * @param progress receives one line per pair started and, while it runs, a line per second
     */
    public Lab(Plan plan, String postgresAdminUrl, Path workDirectory, Clock clock, Consumer<String> progress) {
        this.plan = plan;
        this.postgresAdminUrl = postgresAdminUrl;
        this.workDirectory = workDirectory;
        this.clock = clock;
        this.progress = progress;
    }

    public LabReport run(List<Style> styles, List<Scenario> scenarios) throws Exception {
        Instant started = clock.instant();
        List<RunResult> runs = new ArrayList<>();
        int pair = 0;
        for (Style style : styles) {
            for (Scenario scenario : scenarios) {
                pair++;
                String label = "[" + pair + "/" + styles.size() * scenarios.size() + "] " + style.name() + " × "
                        + scenario.label();
                Optional<String> inapplicable = scenario.fault().flatMap(style::inapplicable);
                if (inapplicable.isPresent()) {
                    progress.accept(label + ": not applicable — " + inapplicable.get());
                    runs.add(RunResult.notApplicable(style.name(), scenario.label(), inapplicable.get()));
                    continue;
                }
                progress.accept(label + ": running");
                RunResult result = runOne(style, scenario, label);
                progress.accept(label + ": " + summary(result));
                runs.add(result);
            }
        }
        return new LabReport(
                started,
                clock.instant(),
                plan,
                styles.stream()
                        .map(s -> new LabReport.StyleInfo(s.name(), s.shape()))
                        .toList(),
                runs);
    }

    RunResult runOne(Style style, Scenario scenario, String label) throws Exception {
        Path work = Files.createDirectories(workDirectory.resolve(style.name() + "-" + scenario.label()));
        String prefix =
                "cairn_lab_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
        LabEnvironment environment = new LabEnvironment(postgresAdminUrl, work, prefix);
        try (StyleRun run = style.start(environment);
                OrderClient client = new OrderClient(plan.clientTimeout(), clock)) {
            var ticker = new ProgressTicker(label, plan, progress);
            List<Shot> shots = new OpenLoopLoad(plan, client)
                    .run(
                            run,
                            phase -> {
                                ticker.entering(phase);
                                if (scenario.fault().isPresent() && phase == Phase.DURING) {
                                    run.inject(scenario.fault().get());
                                } else if (scenario.fault().isPresent() && phase == Phase.AFTER) {
                                    run.heal(scenario.fault().get());
                                }
                            },
                            ticker::count);
            ticker.close();
            List<OrderFacts> facts = Settling.awaitSettled(run, shots, plan.grace());
            return Measurement.of(style, scenario, shots, facts, run, clock);
        }
    }

    private static String summary(RunResult r) {
        return String.format(
                "offered %d, accepted %d (%.0f%% during the fault), completed %d, inconsistent %d, stuck %d, command p99 %.0f ms, history %s",
                r.offered(),
                r.accepted(),
                r.acceptedDuringFault() * 100,
                r.completed(),
                r.inconsistent(),
                r.stuck(),
                r.commandP99Ms(),
                r.historyRecoverable() ? "recoverable" : "not recoverable");
    }
}
