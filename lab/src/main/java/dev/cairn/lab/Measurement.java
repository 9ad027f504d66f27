package dev.cairn.lab;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Turns one pair's shots and stored facts into a {@link RunResult}. */
final class Measurement {

    private static final int HISTORY_SAMPLE = 5;

    private Measurement() {}

    static RunResult of(
            Style style, Scenario scenario, List<Shot> shots, List<OrderFacts> facts, StyleRun run, Clock clock)
            throws Exception {
        List<Shot> measured = shots.stream().filter(s -> s.phase().measured()).toList();
        Set<String> warmUpOrders = new HashSet<>();
        shots.stream()
                .filter(s -> !s.phase().measured() && s.placement() instanceof Placement.Accepted)
                .forEach(s -> warmUpOrders.add(((Placement.Accepted) s.placement()).orderId()));
        // Warm-up orders are not judged: those acknowledged then, and those stored before the measured phases began
        // (a warm-up request the client gave up on may still have been stored).
        Instant measuredStart = measured.stream()
                .map(s -> s.placement().sentAt())
                .min(Instant::compareTo)
                .orElse(Instant.MIN);
        List<OrderFacts> judged = facts.stream()
                .filter(f -> !warmUpOrders.contains(f.orderId()))
                .filter(f -> f.createdAt() == null || !f.createdAt().isBefore(measuredStart))
                .toList();
        Map<Outcome, Integer> outcomes = new HashMap<>();
        judged.forEach(f -> outcomes.merge(Outcome.of(f), 1, Integer::sum));

        List<Shot> during =
                measured.stream().filter(s -> s.phase() == Phase.DURING).toList();
        int accepted = (int) measured.stream().filter(Shot::accepted).count();
        Map<String, OrderFacts> factsById = new HashMap<>();
        judged.forEach(f -> factsById.put(f.orderId(), f));

        History history = sampleHistory(measured, factsById, run);
        return new RunResult(
                style.name(),
                scenario.label(),
                true,
                null,
                measured.size(),
                accepted,
                measured.size() - accepted,
                during.isEmpty()
                        ? 0
                        : (double) during.stream().filter(Shot::accepted).count() / during.size(),
                outcomes.getOrDefault(Outcome.COMPLETED, 0),
                outcomes.getOrDefault(Outcome.INCONSISTENT, 0),
                outcomes.getOrDefault(Outcome.STUCK, 0),
                Percentiles.millis(commandLatencies(measured), 50),
                Percentiles.millis(commandLatencies(measured), 99),
                Percentiles.millis(finalLatencies(measured, factsById), 50),
                Percentiles.millis(finalLatencies(measured, factsById), 99),
                history.verdict().isEmpty(),
                history.verdict().orElse("rebuilt every sampled order: each change with its time and cause"),
                Timeline.of(measured, factsById, scenario),
                refusals(measured),
                history.steps(),
                journey(measured, factsById, run));
    }

    private static long[] commandLatencies(List<Shot> shots) {
        return shots.stream().mapToLong(s -> s.placement().latencyNanos()).toArray();
    }

    /** From the client's request to the final state the order service stored, for orders that completed. */
    private static long[] finalLatencies(List<Shot> shots, Map<String, OrderFacts> facts) {
        List<Long> nanos = new ArrayList<>();
        for (Shot shot : shots) {
            if (shot.placement() instanceof Placement.Accepted a
                    && facts.get(a.orderId()) instanceof OrderFacts f
                    && Outcome.of(f) == Outcome.COMPLETED
                    && f.finalAt() != null) {
                nanos.add(Math.max(0, Duration.between(a.sentAt(), f.finalAt()).toNanos()));
            }
        }
        return nanos.stream().mapToLong(Long::longValue).toArray();
    }

    private static List<String> refusals(List<Shot> shots) {
        Map<String, Integer> counts = new TreeMap<>();
        shots.stream()
                .filter(s -> s.placement() instanceof Placement.Refused)
                .forEach(s -> counts.merge(((Placement.Refused) s.placement()).why(), 1, Integer::sum));
        return counts.entrySet().stream()
                .map(e -> e.getKey() + " ×" + e.getValue())
                .toList();
    }

    private record History(Optional<String> verdict, List<HistoryStep> steps) {}

    /** Tries to rebuild the history of a few completed orders (one of each kind first); the first failure is the verdict. */
    private static History sampleHistory(List<Shot> shots, Map<String, OrderFacts> facts, StyleRun run)
            throws Exception {
        List<String> sample = completedOrders(shots, facts, HISTORY_SAMPLE);
        if (sample.isEmpty()) {
            return new History(Optional.of("no completed order to rebuild"), List.of());
        }
        List<HistoryStep> first = List.of();
        for (String orderId : sample) {
            List<HistoryStep> steps = run.history(orderId);
            if (first.isEmpty()) {
                first = steps;
            }
            Optional<String> missing = HistoryCheck.missing(facts.get(orderId), steps);
            if (missing.isPresent()) {
                return new History(missing, steps);
            }
        }
        return new History(Optional.empty(), first);
    }

    private static List<Message> journey(List<Shot> shots, Map<String, OrderFacts> facts, StyleRun run)
            throws Exception {
        List<String> happy = shots.stream()
                .filter(s -> s.kind() == OrderRequest.Kind.HAPPY)
                .map(s -> completedOrders(List.of(s), facts, 1))
                .filter(l -> !l.isEmpty())
                .map(l -> l.get(0))
                .limit(1)
                .toList();
        return happy.isEmpty() ? List.of() : run.journey(happy.get(0));
    }

    private static List<String> completedOrders(List<Shot> shots, Map<String, OrderFacts> facts, int limit) {
        List<String> byKindFirst = new ArrayList<>();
        Set<OrderRequest.Kind> kinds = new HashSet<>();
        List<String> rest = new ArrayList<>();
        for (Shot shot : shots) {
            if (shot.placement() instanceof Placement.Accepted a
                    && facts.get(a.orderId()) instanceof OrderFacts f
                    && Outcome.of(f) == Outcome.COMPLETED) {
                (kinds.add(shot.kind()) ? byKindFirst : rest).add(a.orderId());
            }
        }
        byKindFirst.addAll(rest);
        return byKindFirst.subList(0, Math.min(limit, byKindFirst.size()));
    }
}
