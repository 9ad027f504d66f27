package dev.cairn.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Waits, after the load, until no order is stuck or the grace period is over, then answers the
 * facts of every order: every one any service stored, and every one the client was told was
 * accepted (with no record anywhere, an acknowledged order is stuck: it was lost).
 */
final class Settling {

    private Settling() {}

    static List<OrderFacts> awaitSettled(StyleRun run, List<Shot> shots, Duration grace) throws Exception {
        long deadline = System.nanoTime() + grace.toNanos();
        while (true) {
            List<OrderFacts> facts = withAcknowledged(run.facts(), shots);
            boolean settled = facts.stream().noneMatch(f -> Outcome.of(f) == Outcome.STUCK);
            if (settled || System.nanoTime() >= deadline) {
                return facts;
            }
            Thread.sleep(200);
        }
    }

    static List<OrderFacts> withAcknowledged(List<OrderFacts> stored, List<Shot> shots) {
        Map<String, OrderFacts> byId = new HashMap<>();
        stored.forEach(f -> byId.put(f.orderId(), f));
        List<OrderFacts> all = new ArrayList<>(stored);
        for (Shot shot : shots) {
            if (shot.placement() instanceof Placement.Accepted accepted && !byId.containsKey(accepted.orderId())) {
                OrderFacts lost = new OrderFacts(
                        accepted.orderId(),
                        OrderFacts.OrderState.NONE,
                        OrderFacts.TicketState.NONE,
                        OrderFacts.PaymentState.NONE,
                        null,
                        null);
                byId.put(accepted.orderId(), lost);
                all.add(lost);
            }
        }
        return all;
    }
}
