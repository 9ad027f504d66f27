package dev.cairn.lab;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges a style's attempt to rebuild an order's history: recoverable only if every state change
 * the services' final states imply is there, each with a time and a cause, in time order. A style's
 * rows may hold the present; only a history holds how it came to be.
 */
final class HistoryCheck {

    private HistoryCheck() {}

    /** Empty when the attempt holds the whole history; otherwise what is missing, in words. */
    static Optional<String> missing(OrderFacts facts, List<HistoryStep> steps) {
        if (steps.isEmpty()) {
            return Optional.of("no step could be rebuilt for order " + facts.orderId());
        }
        for (HistoryStep step : steps) {
            if (step.at() == null) {
                return Optional.of("the step '" + step.service() + " " + step.change() + "' has no time");
            }
            if (step.cause() == null || step.cause().isBlank()) {
                return Optional.of("the step '" + step.service() + " " + step.change() + "' has no cause");
            }
        }
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).at().isBefore(steps.get(i - 1).at())) {
                return Optional.of("steps are not in time order at step " + i);
            }
        }
        // Every order passes through creation and its final state; a ticket or payment it has must have been recorded
        // as it changed.
        if (steps.stream().noneMatch(s -> mentions(s, "pending") || mentions(s, "created"))) {
            return Optional.of("the order's creation (pending state) is not among the steps");
        }
        if (steps.stream().noneMatch(s -> mentions(s, facts.order().name()))) {
            return Optional.of("the order's final state " + facts.order() + " is not among the steps");
        }
        long changes = steps.stream().map(HistoryStep::service).distinct().count();
        long servicesInvolved = 1
                + (facts.ticket() == OrderFacts.TicketState.NONE ? 0 : 1)
                + (facts.payment() == OrderFacts.PaymentState.NONE ? 0 : 1);
        if (changes < servicesInvolved) {
            return Optional.of(
                    "only " + changes + " of the " + servicesInvolved + " services that hold this order show a change");
        }
        return Optional.empty();
    }

    /** Whether the step's change names {@code word}, whatever the case: {@code APPROVED}, {@code OrderApproved}. */
    private static boolean mentions(HistoryStep step, String word) {
        return step.change().toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT));
    }
}
