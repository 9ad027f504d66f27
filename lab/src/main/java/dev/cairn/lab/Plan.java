package dev.cairn.lab;

import java.time.Duration;

/**
 * How hard and how long the lab drives each style: a warm-up, then three equal phases (before,
 * during and after the fault) at a fixed offered rate, then up to {@code grace} for accepted orders
 * to reach a final state.
 *
 * @param ratePerSecond orders offered per second, whatever the style answers (open loop)
 * @param clientTimeout how long a client waits for an answer before it counts the order as refused
 */
public record Plan(Duration warmUp, Duration phase, int ratePerSecond, Duration grace, Duration clientTimeout) {

    /** About 4 minutes for all 16 pairs on two cores. */
    public static final Plan QUICK =
            new Plan(Duration.ofSeconds(1), Duration.ofSeconds(3), 40, Duration.ofSeconds(6), Duration.ofSeconds(2));

    /** About 16 minutes: long enough phases for steady figures. */
    public static final Plan FULL =
            new Plan(Duration.ofSeconds(5), Duration.ofSeconds(15), 60, Duration.ofSeconds(15), Duration.ofSeconds(2));

    public Plan {
        if (ratePerSecond < 1 || ratePerSecond > 10_000) {
            throw new IllegalArgumentException("ratePerSecond must be 1..10000: " + ratePerSecond);
        }
    }

    public Duration measured() {
        return phase.multipliedBy(3);
    }
}
