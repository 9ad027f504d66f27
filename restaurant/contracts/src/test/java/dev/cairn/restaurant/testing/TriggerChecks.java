package dev.cairn.restaurant.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.processing.ProcessManager;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.Triggered;
import dev.cairn.restaurant.contracts.TriggeredReaction;

/** Checks that something {@link Triggered} really ignores every event outside its triggers. */
public final class TriggerChecks {

    private TriggerChecks() {}

    /** Every sample event outside the reaction's triggers yields no command. */
    public static void assertReactsOnlyToItsTriggers(TriggeredReaction<?> reaction) {
        long position = 1;
        for (PublishedEvent event : SampleEvents.all()) {
            if (!reaction.triggers().contains(event.getClass())) {
                assertThat(reaction.react(Envelopes.at(position++, event))).as("commands for %s", event).isEmpty();
            }
        }
    }

    /** Every sample event outside the process manager's triggers belongs to no instance. */
    public static <P extends ProcessManager<?, PublishedEvent, ?> & Triggered> void assertFollowsOnlyItsTriggers(P manager) {
        for (PublishedEvent event : SampleEvents.all()) {
            if (!manager.triggers().contains(event.getClass())) {
                assertThat(manager.instanceOf(event)).as("instance of %s", event).isEmpty();
            }
        }
    }
}
