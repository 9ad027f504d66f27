package dev.cairn.restaurant.contracts;

import dev.cairn.core.processing.Envelope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A context's reactions run as one: each event goes to every member it triggers, in order, and the
 * commands are concatenated. Run a context's group in a single processor: then the commands caused by one
 * entity's events are sent in log order (a ticket is created before it is rejected, a delivery
 * requested before it is cancelled), which separate processors would not promise.
 */
public final class ReactionGroup<C> implements TriggeredReaction<C> {

    private final List<TriggeredReaction<? extends C>> members;
    private final Set<Class<? extends PublishedEvent>> triggers;

    private ReactionGroup(List<TriggeredReaction<? extends C>> members) {
        this.members = List.copyOf(members);
        Set<Class<? extends PublishedEvent>> union = new LinkedHashSet<>();
        members.forEach(member -> union.addAll(member.triggers()));
        this.triggers = Set.copyOf(union);
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read
    public static <C> ReactionGroup<C> of(TriggeredReaction<? extends C>... members) {
        return new ReactionGroup<>(List.of(members));
    }

    @Override
    public List<C> react(Envelope<PublishedEvent> event) {
        Class<?> type = event.event().getClass();
        List<C> commands = new ArrayList<>();
        for (TriggeredReaction<? extends C> member : members) {
            if (member.triggers().contains(type)) {
                commands.addAll(member.react(event));
            }
        }
        return List.copyOf(commands);
    }

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return triggers;
    }

    /** The members, in the order they see each event. */
    public List<TriggeredReaction<? extends C>> members() {
        return members;
    }
}
