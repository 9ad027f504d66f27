package dev.cairn.restaurant.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.processing.ProcessManager;
import dev.cairn.restaurant.accounting.domain.AccountingReactions;
import dev.cairn.restaurant.accounting.domain.PaymentAuthorizationProcess;
import dev.cairn.restaurant.consumers.domain.ConsumerStanding;
import dev.cairn.restaurant.consumers.domain.WhenOrderCreatedThenVerifyConsumer;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.Triggered;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import dev.cairn.restaurant.contracts.TypeNames;
import dev.cairn.restaurant.delivery.domain.CourierDispatchProcess;
import dev.cairn.restaurant.delivery.domain.DeliveryReactions;
import dev.cairn.restaurant.kitchen.domain.KitchenReactions;
import dev.cairn.restaurant.orderhistory.domain.OrderHistory;
import dev.cairn.restaurant.orderhistory.domain.OrderHistoryProjection;
import dev.cairn.restaurant.ordering.domain.OrderingReactions;
import dev.cairn.testing.ReactionFixture;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A host decodes and delivers only the events a part names in its triggers, so a part must do
 * nothing with any other event, and something with each it names: checked here for every reaction
 * group and process manager of the seven contexts against one event of every type.
 */
class TriggersTest {

    private static final List<TriggeredReaction<?>> REACTIONS = List.of(
            new WhenOrderCreatedThenVerifyConsumer(consumerId -> ConsumerStanding.ACTIVE),
            OrderingReactions.all(),
            KitchenReactions.all(),
            AccountingReactions.all(),
            DeliveryReactions.all());

    @Test
    void the_samples_hold_one_event_of_every_type() {
        assertThat(SampleEvents.all().stream().map(Object::getClass).toList())
                .containsExactlyInAnyOrderElementsOf(TypeNames.all().values());
    }

    @Test
    void a_reaction_sends_nothing_for_an_event_outside_its_triggers_and_something_for_each_inside() {
        for (TriggeredReaction<?> reaction : REACTIONS) {
            for (PublishedEvent event : SampleEvents.all()) {
                var outcome = ReactionFixture.of(reaction).when(event);
                if (reaction.triggers().contains(event.getClass())) {
                    assertThat(outcome.commands())
                            .as("commands of %s for %s", reaction, event)
                            .isNotEmpty();
                } else {
                    outcome.thenNothing();
                }
            }
        }
    }

    @Test
    void a_process_manager_follows_only_the_events_it_names() {
        assertFollowsExactlyItsTriggers(new PaymentAuthorizationProcess());
        assertFollowsExactlyItsTriggers(new CourierDispatchProcess());
    }

    @Test
    void the_order_history_is_triggered_by_exactly_the_events_it_files_under_an_order() {
        var filedUnderAnOrder = SampleEvents.all().stream()
                .filter(event -> OrderHistoryProjection.orderIdOf(event).isPresent())
                .map(PublishedEvent::getClass)
                .collect(Collectors.toSet());

        assertThat(new OrderHistory().triggers()).isEqualTo(filedUnderAnOrder);
    }

    private static <P extends ProcessManager<?, PublishedEvent, ?> & Triggered> void assertFollowsExactlyItsTriggers(
            P manager) {
        for (PublishedEvent event : SampleEvents.all()) {
            assertThat(manager.instanceOf(event).isPresent())
                    .as("%s follows %s", manager.getClass().getSimpleName(), event)
                    .isEqualTo(manager.triggers().contains(event.getClass()));
        }
    }
}
