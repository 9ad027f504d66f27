package dev.cairn.testing;

import static dev.cairn.testing.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.command.CommandContext;
import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.ProcessManager;
import dev.cairn.testing.bank.AccountCommand;
import dev.cairn.testing.bank.AccountCommand.Deposit;
import dev.cairn.testing.bank.AccountCommand.Withdraw;
import dev.cairn.testing.bank.AccountEvent;
import dev.cairn.testing.bank.AccountEvent.Deposited;
import dev.cairn.testing.bank.AccountEvent.Opened;
import dev.cairn.testing.bank.AccountEvent.TransferRequested;
import dev.cairn.testing.bank.AccountEvent.Withdrawn;
import dev.cairn.testing.bank.TransferProcess;
import dev.cairn.testing.bank.TransferProcess.Stage;
import dev.cairn.testing.bank.TransferProcess.Transfer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ProcessManagerFixtureTest {

    private static final TransferRequested REQUESTED = new TransferRequested("acc-1", "t-1", "acc-2", 30);

    private final ProcessManagerFixture<Transfer, AccountEvent, AccountCommand> transfers =
            ProcessManagerFixture.of(new TransferProcess()).named("transfers");

    @Nested
    class Commands_on_the_last_event {

        @Test
        void passes_when_the_last_event_sends_the_expected_commands() {
            transfers
                    .given(REQUESTED)
                    .when(new Withdrawn("acc-1", 30, "t-1"))
                    .thenCommands(new Deposit("acc-2", 30, "t-1"));
        }

        @Test
        void passes_when_the_last_event_sends_nothing() {
            transfers
                    .given(REQUESTED, new Withdrawn("acc-1", 30, "t-1"))
                    .when(new Deposited("acc-2", 30, "t-1"))
                    .thenNothing();
        }

        @Test
        void an_event_of_no_instance_sends_nothing() {
            var outcome =
                    transfers.given(REQUESTED).when(new Opened("acc-3", "Cy")).thenNothing();

            assertThat(outcome.instance()).isEmpty();
        }

        @Test
        void other_commands_fail_showing_history_expected_and_actual() {
            AssertionFailedError failure = failureOf(() -> transfers
                    .given(REQUESTED)
                    .when(new Withdrawn("acc-1", 30, "t-1"))
                    .thenCommands(new Deposit("acc-2", 35, "t-1")));

            assertThat(failure).hasMessage("""
                    the process manager sent other commands than expected on the last event
                      given:
                        1. TransferRequested[accountId=acc-1, transferId=t-1, to=acc-2, amount=30]
                      when:
                        Withdrawn[accountId=acc-1, amount=30, reference=t-1]
                      expected:
                        1. Deposit[accountId=acc-2, amount=35, reference=t-1]
                      but was:
                        1. Deposit[accountId=acc-2, amount=30, reference=t-1]""");
        }

        @Test
        void a_command_where_nothing_was_expected_fails() {
            assertThat(failureOf(() -> transfers.when(REQUESTED).thenNothing()))
                    .hasMessageStartingWith(
                            "the process manager sent commands on the last event where none were expected")
                    .hasMessageEndingWith("but was:\n    1. Withdraw[accountId=acc-1, amount=30, reference=t-1]");
        }
    }

    @Nested
    class All_commands {

        @Test
        void passes_on_every_command_in_order_over_the_whole_history() {
            transfers
                    .given(REQUESTED, new TransferRequested("acc-2", "t-2", "acc-3", 5))
                    .when(new Withdrawn("acc-1", 30, "t-1"))
                    .thenAllCommands(
                            new Withdraw("acc-1", 30, "t-1"),
                            new Withdraw("acc-2", 5, "t-2"),
                            new Deposit("acc-2", 30, "t-1"));
        }

        @Test
        void a_different_order_fails_showing_both() {
            AssertionFailedError failure = failureOf(() -> transfers
                    .given(REQUESTED)
                    .when(new Withdrawn("acc-1", 30, "t-1"))
                    .thenAllCommands(new Deposit("acc-2", 30, "t-1"), new Withdraw("acc-1", 30, "t-1")));

            assertThat(failure)
                    .hasMessageStartingWith(
                            "the process manager sent other commands than expected over the whole history")
                    .hasMessageEndingWith("expected:\n"
                            + "    1. Deposit[accountId=acc-2, amount=30, reference=t-1]\n"
                            + "    2. Withdraw[accountId=acc-1, amount=30, reference=t-1]\n"
                            + "  but was:\n"
                            + "    1. Withdraw[accountId=acc-1, amount=30, reference=t-1]\n"
                            + "    2. Deposit[accountId=acc-2, amount=30, reference=t-1]");
        }

        @Test
        void every_command_carries_the_context_the_runtime_derives_from_its_event() {
            var outcome = transfers.given(REQUESTED).when(new Withdrawn("acc-1", 30, "t-1"));

            assertThat(outcome.allSent())
                    .extracting(SentCommand::context)
                    .containsExactly(
                            CommandContext.reactingTo(
                                    "transfers", SyntheticLog.eventIdAt(1), SyntheticLog.eventIdAt(1), 0),
                            CommandContext.reactingTo(
                                    "transfers", SyntheticLog.eventIdAt(2), SyntheticLog.eventIdAt(2), 0));
            assertThat(outcome.sent()).containsExactly(outcome.allSent().get(1));
        }
    }

    @Nested
    class State {

        @Test
        void passes_on_the_state_of_the_last_events_instance() {
            transfers
                    .given(REQUESTED)
                    .when(new Withdrawn("acc-1", 30, "t-1"))
                    .thenState(new Transfer(Stage.WITHDRAWN, "t-1", "acc-1", "acc-2", 30));
        }

        @Test
        void passes_on_the_state_of_a_named_instance() {
            var outcome = transfers
                    .given(REQUESTED, new TransferRequested("acc-2", "t-2", "acc-3", 5))
                    .when(new Withdrawn("acc-1", 30, "t-1"))
                    .thenState("t-2", new Transfer(Stage.REQUESTED, "t-2", "acc-2", "acc-3", 5));

            assertThat(outcome.state("t-3")).isEmpty();
        }

        @Test
        void another_state_fails_showing_both() {
            assertThat(failureOf(() ->
                            transfers.when(REQUESTED).thenState(new Transfer(Stage.DONE, "t-1", "acc-1", "acc-2", 30))))
                    .hasMessageStartingWith("the state of instance 't-1' differs")
                    .hasMessageEndingWith(
                            "expected:\n    Transfer[stage=DONE, id=t-1, from=acc-1, to=acc-2, amount=30]\n"
                                    + "  but was:\n    Transfer[stage=REQUESTED, id=t-1, from=acc-1, to=acc-2, amount=30]");
        }

        @Test
        void an_instance_no_event_reached_fails_listing_the_instances() {
            assertThat(failureOf(() ->
                            transfers.when(REQUESTED).thenState("t-9", new Transfer(Stage.DONE, "t-9", "", "", 0))))
                    .hasMessageStartingWith("no event reached instance 't-9'; instances: [t-1]");
        }

        @Test
        void the_last_event_must_belong_to_an_instance_for_its_state_to_be_checked() {
            assertThat(failureOf(() -> transfers
                            .when(new Opened("acc-1", "Ada"))
                            .thenState(new Transfer(Stage.NONE, "", "", "", 0))))
                    .hasMessageStartingWith("expected a state, but the last event belongs to no instance");
        }

        @Test
        void streams_must_be_chosen_before_the_first_event() {
            transfers.given(REQUESTED);

            assertThatThrownBy(() -> transfers.streamIds(AccountEvent::accountId))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class Redelivery {

        /** Keeps a counter outside its state, so handling the same event again sends something else. */
        private final ProcessManager<Integer, AccountEvent, AccountCommand> leaky = new ProcessManager<>() {
            private final AtomicInteger sent = new AtomicInteger();

            @Override
            public Optional<String> instanceOf(AccountEvent event) {
                return Optional.of(event.accountId());
            }

            @Override
            public Integer initialState() {
                return 0;
            }

            @Override
            public Integer evolve(Integer state, AccountEvent event) {
                return state + 1;
            }

            @Override
            public List<AccountCommand> react(Integer before, Integer after, Envelope<AccountEvent> event) {
                return List.of(new Withdraw(event.event().accountId(), sent.incrementAndGet(), ""));
            }
        };

        @Test
        void a_process_manager_that_reacts_differently_to_the_same_event_from_the_same_state_fails() {
            AssertionFailedError failure = failureOf(() -> ProcessManagerFixture.of(leaky)
                    .given(new Opened("acc-1", "Ada"))
                    .when(new Deposited("acc-1", 5, "")));

            assertThat(failure.getMessage())
                    .startsWith(
                            "the process manager is not idempotent: handling the event again from the same state sends other commands")
                    .contains("expected:\n    1. Withdraw[accountId=acc-1, amount=2, reference=] (command id ")
                    .contains("but was:\n    1. Withdraw[accountId=acc-1, amount=3, reference=] (command id ");
        }

        @Test
        void reacting_to_a_transition_rather_than_a_state_passes() {
            transfers
                    .given(REQUESTED, new Withdrawn("acc-1", 30, "t-1"))
                    .when(new Withdrawn("acc-1", 30, "t-1"))
                    .thenNothing()
                    .thenAllCommands(new Withdraw("acc-1", 30, "t-1"), new Deposit("acc-2", 30, "t-1"));
        }
    }
}
