package dev.cairn.restaurant.contracts;

import dev.cairn.core.processing.Envelope;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A reaction to one kind of event whose trigger is stated once: the event class it is made with.
 * Its {@link #triggers()} are derived from that class and only an event of that class reaches the
 * rule, so the filter a host builds and the events the rule sees cannot disagree. A named reaction
 * extends it and states its rule in the constructor:
 *
 * <pre>{@code
 * public final class WhenPaymentAuthorizedThenApproveOrder extends OnEvent<OrderCommand> {
 *     public WhenPaymentAuthorizedThenApproveOrder() {
 *         super(PaymentAuthorized.class, authorized -> new OrderCommand.ApproveOrder(authorized.orderId()));
 *     }
 * }
 * }</pre>
 *
 * @param <C> the command the rule sends, one per triggering event (the "then" of the reaction's name)
 */
public abstract class OnEvent<C> implements TriggeredReaction<C> {

    private final Class<? extends PublishedEvent> trigger;
    private final Function<PublishedEvent, C> rule;

    /**
     * @param trigger the events this reaction acts on; every other event sends nothing
     * @param rule    the command an event of {@code trigger} calls for; never null
     */
    protected <T extends PublishedEvent> OnEvent(Class<T> trigger, Function<? super T, ? extends C> rule) {
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(rule, "rule");
        this.rule = event -> Objects.requireNonNull(rule.apply(trigger.cast(event)), "the rule's command");
    }

    @Override
    public final List<C> react(Envelope<PublishedEvent> event) {
        return trigger.isInstance(event.event()) ? List.of(rule.apply(event.event())) : List.of();
    }

    @Override
    public final Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(trigger);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
