package dev.cairn.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Per second of the measured phases: orders accepted (by when they were sent), orders completed (by when they ended), command p99. */
final class Timeline {

    private Timeline() {}

    static List<RunResult.TimelinePoint> of(List<Shot> shots, Map<String, OrderFacts> facts, Scenario scenario) {
        if (shots.isEmpty()) {
            return List.of();
        }
        long first = shots.stream().mapToLong(Shot::sentOffsetNanos).min().orElse(0);
        long origin = shots.stream()
                        .filter(s -> s.sentOffsetNanos() == first)
                        .findFirst()
                        .orElseThrow()
                        .placement()
                        .sentAt()
                        .toEpochMilli()
                - first / 1_000_000;
        int seconds =
                (int) (shots.stream().mapToLong(Shot::sentOffsetNanos).max().orElse(0) / 1_000_000_000L) + 1;
        int[] accepted = new int[seconds];
        int[] completed = new int[seconds];
        List<List<Long>> latencies = new ArrayList<>();
        boolean[] fault = new boolean[seconds];
        for (int i = 0; i < seconds; i++) {
            latencies.add(new ArrayList<>());
        }
        for (Shot shot : shots) {
            int second = (int) Math.max(0, shot.sentOffsetNanos() / 1_000_000_000L);
            latencies.get(second).add(shot.placement().latencyNanos());
            fault[second] |= scenario.fault().isPresent() && shot.phase() == Phase.DURING;
            if (shot.placement() instanceof Placement.Accepted a) {
                accepted[second]++;
                OrderFacts f = facts.get(a.orderId());
                if (f != null && f.finalAt() != null && Outcome.of(f) == Outcome.COMPLETED) {
                    long endedAt = Duration.ofMillis(f.finalAt().toEpochMilli() - origin)
                            .toSeconds();
                    if (endedAt >= 0 && endedAt < seconds) {
                        completed[(int) endedAt]++;
                    }
                }
            }
        }
        List<RunResult.TimelinePoint> points = new ArrayList<>();
        for (int i = 0; i < seconds; i++) {
            long[] sample = latencies.get(i).stream().mapToLong(Long::longValue).toArray();
            points.add(new RunResult.TimelinePoint(
                    i, accepted[i], completed[i], Percentiles.millis(sample, 99), fault[i]));
        }
        return points;
    }
}
