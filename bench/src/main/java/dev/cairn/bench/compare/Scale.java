package dev.cairn.bench.compare;

import java.time.Duration;

/**
 * How much work each workload does. {@link #full()} is the sizes; {@link #quick()} scales
 * them down so the whole comparison runs in minutes on a 2-core machine. Every run also has a time
 * limit, after which it stops taking new work and reports what it did (the table marks it).
 */
record Scale(
        String name,
        int w1Orders,
        int w1Warmup,
        Duration w1Limit,
        Duration w1DefaultLimit,
        Duration w2Limit,
        long w2SingleAppends,
        long w2BatchAppends,
        int w3Events,
        Duration w3Limit,
        int w4Orders,
        int w4Warmup,
        Duration w4Limit,
        int physicalSeconds) {

    static final int W1_CALLERS = 16;
    static final int W2_SINGLE_WRITERS = 64;
    static final int W2_BATCH_WRITERS = 8;
    static final int W2_BATCH = 100;
    static final int W2_EVENT_BYTES = 200;
    static final int W4_CONCURRENCY = 64;

    static Scale quick() {
        return new Scale(
                "quick",
                20_000,
                2_000,
                Duration.ofSeconds(45),
                Duration.ofSeconds(15),
                Duration.ofSeconds(5),
                200_000,
                20_000,
                200_000,
                Duration.ofSeconds(60),
                2_000,
                300,
                Duration.ofSeconds(40),
                3);
    }

    static Scale full() {
        return new Scale(
                "full",
                100_000,
                5_000,
                Duration.ofSeconds(240),
                Duration.ofSeconds(60),
                Duration.ofSeconds(15),
                2_000_000,
                200_000,
                1_000_000,
                Duration.ofSeconds(240),
                20_000,
                2_000,
                Duration.ofSeconds(180),
                5);
    }
}
