package dev.cairn.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Sends orders at a fixed rate whatever the style answers: each order leaves at its scheduled time
 * on a virtual thread of its own, so a slow style cannot slow the load down and hide behind a closed
 * loop. The fault is injected when the during phase starts and healed when it ends, on the load's
 * own schedule.
 */
final class OpenLoopLoad {

    /** One in ten orders names a consumer nobody knows, one in ten pays with a declined card. */
    static OrderRequest.Kind kindOf(long index) {
        return switch ((int) (index % 10)) {
            case 3 -> OrderRequest.Kind.UNKNOWN_CONSUMER;
            case 7 -> OrderRequest.Kind.DECLINED_CARD;
            default -> OrderRequest.Kind.HAPPY;
        };
    }

    /** What to do when a phase begins (inject the fault as the during phase starts, heal it as the after phase starts). */
    interface PhaseListener {
        void entering(Phase phase) throws Exception;
    }

    private final Plan plan;
    private final OrderClient client;

    OpenLoopLoad(Plan plan, OrderClient client) {
        this.plan = plan;
        this.client = client;
    }

    /** Runs the warm-up and the three phases; returns every order sent, once every answer is in. */
    List<Shot> run(StyleRun style, PhaseListener phases, Consumer<Shot> progress) throws Exception {
        List<Shot> shots = Collections.synchronizedList(new ArrayList<>());
        long interval = 1_000_000_000L / plan.ratePerSecond();
        long warmUp = plan.warmUp().toNanos();
        long phase = plan.phase().toNanos();
        long start = System.nanoTime();
        Phase current = null;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; ; i++) {
                long due = start + i * interval;
                long sinceStart = due - start;
                if (sinceStart >= warmUp + 3 * phase) {
                    break;
                }
                Phase now = phaseAt(sinceStart, warmUp, phase);
                if (now != current) {
                    sleepUntil(due);
                    phases.entering(now);
                    current = now;
                }
                sleepUntil(due);
                OrderRequest.Kind kind = kindOf(i);
                long offset = sinceStart - warmUp;
                Phase sentIn = now;
                senders.submit(() -> {
                    Placement placement = client.place(style, OrderRequest.of(kind, style.fixture()));
                    Shot shot = new Shot(offset, sentIn, kind, placement);
                    shots.add(shot);
                    progress.accept(shot);
                });
            }
            senders.shutdown();
            senders.awaitTermination(plan.clientTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        }
        return List.copyOf(shots);
    }

    private static Phase phaseAt(long sinceStart, long warmUp, long phase) {
        if (sinceStart < warmUp) {
            return Phase.WARM_UP;
        }
        long measured = sinceStart - warmUp;
        return measured < phase ? Phase.BEFORE : measured < 2 * phase ? Phase.DURING : Phase.AFTER;
    }

    private static void sleepUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
