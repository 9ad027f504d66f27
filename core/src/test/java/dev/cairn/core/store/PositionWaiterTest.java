package dev.cairn.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PositionWaiterTest {

    static final Duration LONG = Duration.ofSeconds(30);

    @Nested
    class Moving {
        @Test
        void advance_moves_forward_only() {
            PositionWaiter waiter = new PositionWaiter(5);
            waiter.advance(3);
            assertThat(waiter.position()).isEqualTo(5);
            waiter.advance(9);
            assertThat(waiter.position()).isEqualTo(9);
        }

        @Test
        void move_to_goes_backwards_too() throws InterruptedException {
            PositionWaiter waiter = new PositionWaiter(9);
            waiter.moveTo(0);
            assertThat(waiter.position()).isZero();
            assertThat(waiter.awaitAtLeast(1, Duration.ofMillis(20))).isFalse();
        }
    }

    @Nested
    class Waiting {
        @Test
        void answers_at_once_when_already_there() throws InterruptedException {
            PositionWaiter waiter = new PositionWaiter(7);
            assertThat(waiter.awaitAfter(6, Duration.ZERO)).isTrue();
            assertThat(waiter.awaitAtLeast(7, Duration.ZERO)).isTrue();
            assertThat(waiter.awaitAfter(7, Duration.ZERO)).isFalse();
        }

        @Test
        void times_out_no_earlier_than_asked() throws InterruptedException {
            PositionWaiter waiter = new PositionWaiter(0);
            long started = System.nanoTime();
            assertThat(waiter.awaitAfter(0, Duration.ofMillis(100))).isFalse();
            assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        }

        @Test
        void close_wakes_every_waiter_with_the_answer_of_the_moment() throws Exception {
            PositionWaiter waiter = new PositionWaiter(0);
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Boolean>> waits = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    waits.add(threads.submit(() -> waiter.awaitAfter(0, LONG)));
                }
                Thread.sleep(50);
                long started = System.nanoTime();
                waiter.close();
                for (Future<Boolean> wait : waits) {
                    assertThat(wait.get(5, TimeUnit.SECONDS)).isFalse();
                }
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
                assertThat(waiter.awaitAfter(0, LONG))
                        .as("after close, no wait")
                        .isFalse();
            }
        }
    }

    /** Stress: the wake-up races the waiter's check, thousands of times. */
    @Nested
    class Concurrently {
        @Test
        void no_wake_up_is_lost_when_the_move_races_the_wait() throws Exception {
            PositionWaiter waiter = new PositionWaiter(0);
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (long round = 0; round < 20_000; round++) {
                    long target = round;
                    Future<Boolean> wait = threads.submit(() -> waiter.awaitAfter(target, LONG));
                    if ((round & 1) == 0) {
                        Thread.onSpinWait();
                    }
                    waiter.advance(round + 1);
                    // a lost wake-up would sit out the 30 s timeout; 5 s is generous on a loaded machine
                    assertThat(wait.get(5, TimeUnit.SECONDS))
                            .as("round %d", round)
                            .isTrue();
                }
            }
        }

        @Test
        void many_waiters_and_concurrent_movers_all_see_their_target() throws Exception {
            int movers = 4;
            long end = 50_000;
            PositionWaiter waiter = new PositionWaiter(0);
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Boolean>> waits = new ArrayList<>();
                for (int i = 0; i < 1_000; i++) {
                    long target = ThreadLocalRandom.current().nextLong(1, end + 1);
                    waits.add(threads.submit(() -> waiter.awaitAtLeast(target, LONG) && waiter.position() >= target));
                }
                List<Future<?>> moving = new ArrayList<>();
                for (int m = 0; m < movers; m++) {
                    int first = m;
                    moving.add(threads.submit(() -> {
                        for (long p = first + 1; p <= end; p += movers) {
                            waiter.advance(p);
                        }
                    }));
                }
                for (Future<?> mover : moving) {
                    mover.get(30, TimeUnit.SECONDS);
                }
                assertThat(waiter.position()).isEqualTo(end);
                for (Future<Boolean> wait : waits) {
                    assertThat(wait.get(5, TimeUnit.SECONDS)).isTrue();
                }
            }
        }

        @Test
        void waiters_with_short_timeouts_among_moves_answer_truly() throws Exception {
            PositionWaiter waiter = new PositionWaiter(0);
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Boolean>> checks = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    long target = ThreadLocalRandom.current().nextLong(1, 2_000);
                    Duration timeout =
                            Duration.ofMillis(ThreadLocalRandom.current().nextInt(0, 20));
                    checks.add(threads.submit(() -> {
                        boolean reached = waiter.awaitAtLeast(target, timeout);
                        // true only if reached; false only if not reached when it gave up (the position only grows
                        // after)
                        return reached ? waiter.position() >= target : true;
                    }));
                }
                for (long p = 1; p <= 2_000; p++) {
                    waiter.advance(p);
                    if (p % 100 == 0) {
                        Thread.sleep(1);
                    }
                }
                for (Future<Boolean> check : checks) {
                    assertThat(check.get(5, TimeUnit.SECONDS)).isTrue();
                }
            }
        }
    }
}
