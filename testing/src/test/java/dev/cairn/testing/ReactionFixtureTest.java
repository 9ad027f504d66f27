package dev.cairn.testing;

import static dev.cairn.testing.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.command.CommandContext;
import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.Reaction;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.testing.bank.Account;
import dev.cairn.testing.bank.AccountCommand;
import dev.cairn.testing.bank.AccountCommand.Deposit;
import dev.cairn.testing.bank.AccountCommand.Flag;
import dev.cairn.testing.bank.AccountDecider;
import dev.cairn.testing.bank.AccountEvent;
import dev.cairn.testing.bank.AccountEvent.Deposited;
import dev.cairn.testing.bank.AccountEvent.Opened;
import dev.cairn.testing.bank.WhenLargeDepositThenFlagAccount;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ReactionFixtureTest {

    private final ReactionFixture<AccountEvent, AccountCommand> flagging =
            ReactionFixture.of(new WhenLargeDepositThenFlagAccount()).named("flagging");

    @Nested
    class Commands {

        @Test
        void passes_when_the_event_calls_for_the_expected_commands() {
            flagging.when(new Deposited("acc-1", 20_000, "")).thenCommands(new Flag("acc-1", "LARGE_DEPOSIT"));
        }

        @Test
        void passes_when_the_event_calls_for_nothing() {
            flagging.when(new Deposited("acc-1", 20, "")).thenNothing();
        }

        @Test
        void other_commands_fail_showing_expected_and_actual() {
            AssertionFailedError failure = failureOf(() ->
                    flagging.when(new Deposited("acc-1", 20_000, "")).thenCommands(new Flag("acc-1", "SUSPICIOUS")));

            assertThat(failure).hasMessage("""
                    the reaction sent other commands than expected
                      when:
                        Deposited[accountId=acc-1, amount=20000, reference=]
                      expected:
                        1. Flag[accountId=acc-1, reason=SUSPICIOUS]
                      but was:
                        1. Flag[accountId=acc-1, reason=LARGE_DEPOSIT]""");
            assertThat(failure.getExpected().getValue()).isEqualTo("1. Flag[accountId=acc-1, reason=SUSPICIOUS]");
        }

        @Test
        void a_command_where_nothing_was_expected_fails() {
            assertThat(failureOf(() ->
                            flagging.when(new Deposited("acc-1", 10_000, "")).thenNothing()))
                    .hasMessageEndingWith(
                            "expected:\n    (nothing)\n  but was:\n    1. Flag[accountId=acc-1, reason=LARGE_DEPOSIT]");
        }
    }

    @Nested
    class Contexts {

        @Test
        void commands_carry_the_ids_the_runtime_derives_from_the_event() {
            ReactionOutcome<AccountEvent, AccountCommand> outcome = flagging.when(new Deposited("acc-1", 20_000, ""));
            Envelope<AccountEvent> event = outcome.event();

            assertThat(outcome.sent()).singleElement().satisfies(sent -> {
                assertThat(sent.context())
                        .isEqualTo(CommandContext.reactingTo("flagging", event.eventId(), event.correlationId(), 0));
                assertThat(sent.context().causationId()).isEqualTo(event.eventId());
            });
        }

        @Test
        void the_processor_name_changes_the_command_ids() {
            UUID flaggingId = flagging.when(new Deposited("acc-1", 20_000, ""))
                    .sent()
                    .getFirst()
                    .context()
                    .commandId();
            UUID otherId = ReactionFixture.of(new WhenLargeDepositThenFlagAccount())
                    .named("other")
                    .when(new Deposited("acc-1", 20_000, ""))
                    .sent()
                    .getFirst()
                    .context()
                    .commandId();

            assertThat(flaggingId).isNotEqualTo(otherId);
        }

        @Test
        void an_envelope_made_by_hand_keeps_its_correlation_id() {
            UUID conversation = UUID.randomUUID();
            UUID eventId = UUID.randomUUID();
            var envelope = new Envelope<AccountEvent>(
                    new Deposited("acc-1", 20_000, ""),
                    new RecordedEvent(
                            eventId,
                            "acc-1",
                            3,
                            42,
                            "banking.MoneyDeposited",
                            Instant.EPOCH,
                            conversation,
                            UUID.randomUUID(),
                            new byte[0]));

            CommandContext context = flagging.when(envelope).sent().getFirst().context();

            assertThat(context.correlationId()).isEqualTo(conversation);
            assertThat(context.causationId()).isEqualTo(eventId);
        }

        @Test
        void each_event_gets_its_own_command_ids() {
            UUID first = flagging.when(new Deposited("acc-1", 20_000, ""))
                    .sent()
                    .getFirst()
                    .context()
                    .commandId();
            UUID second = flagging.when(new Deposited("acc-1", 20_000, ""))
                    .sent()
                    .getFirst()
                    .context()
                    .commandId();

            assertThat(first).isNotEqualTo(second);
        }
    }

    @Nested
    class Redelivery {

        @Test
        void a_reaction_that_answers_a_redelivery_differently_fails_showing_both_deliveries() {
            AtomicInteger calls = new AtomicInteger();
            Reaction<AccountEvent, AccountCommand> counting =
                    event -> List.of(new Flag(event.event().accountId(), "CALL_" + calls.incrementAndGet()));

            AssertionFailedError failure =
                    failureOf(() -> ReactionFixture.of(counting).when(new Deposited("acc-1", 1, "")));

            assertThat(failure.getMessage())
                    .startsWith("the reaction is not idempotent: redelivering the event sends other commands")
                    .contains("expected:\n    1. Flag[accountId=acc-1, reason=CALL_1] (command id ")
                    .contains("but was:\n    1. Flag[accountId=acc-1, reason=CALL_2] (command id ");
        }
    }

    @Nested
    class Decided_once {

        private final List<Opened> opened = List.of(new Opened("acc-1", "Ada"));

        @Test
        void passes_when_the_decider_accepts_the_commands_and_ignores_them_the_second_time() {
            Account after =
                    flagging.when(new Deposited("acc-1", 20_000, "")).thenDecidedOnceBy(new AccountDecider(), opened);

            assertThat(after).isEqualTo(new Account(true, 0, true));
        }

        @Test
        void a_command_that_changes_the_stream_again_fails_showing_the_events_of_the_second_time() {
            Reaction<AccountEvent, AccountCommand> refunding =
                    event -> List.of(new Deposit(event.event().accountId(), 5, "refund"));

            AssertionFailedError failure = failureOf(() -> ReactionFixture.of(refunding)
                    .when(new Deposited("acc-1", 1, ""))
                    .thenDecidedOnceBy(new AccountDecider(), opened));

            assertThat(failure.getMessage())
                    .startsWith(
                            "deciding a command again produced events: a redelivered event would change the stream twice")
                    .contains("decided once:\n    1. Deposited[accountId=acc-1, amount=5, reference=refund]")
                    .endsWith(
                            "expected:\n    (nothing)\n  but was:\n    1. Deposited[accountId=acc-1, amount=5, reference=refund]");
        }

        @Test
        void a_rejected_command_fails_showing_the_rejection() {
            AssertionFailedError failure = failureOf(() -> flagging.when(new Deposited("acc-1", 20_000, ""))
                    .thenDecidedOnceBy(new AccountDecider(), List.of()));

            assertThat(failure.getMessage())
                    .startsWith("the decider rejected a command the reaction sent\n")
                    .endsWith("rejected:\n    NOT_FOUND ACCOUNT_NOT_FOUND: no account acc-1");
        }
    }
}
