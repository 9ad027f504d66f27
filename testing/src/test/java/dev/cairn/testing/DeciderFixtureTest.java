package dev.cairn.testing;

import static dev.cairn.testing.Failures.assertReport;
import static dev.cairn.testing.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.model.Decider;
import dev.cairn.core.model.Rejection;
import dev.cairn.testing.bank.Account;
import dev.cairn.testing.bank.AccountCommand;
import dev.cairn.testing.bank.AccountCommand.Deposit;
import dev.cairn.testing.bank.AccountCommand.Open;
import dev.cairn.testing.bank.AccountCommand.Withdraw;
import dev.cairn.testing.bank.AccountDecider;
import dev.cairn.testing.bank.AccountEvent;
import dev.cairn.testing.bank.AccountEvent.Deposited;
import dev.cairn.testing.bank.AccountEvent.Opened;
import dev.cairn.testing.bank.AccountEvent.Withdrawn;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class DeciderFixtureTest {

    private static final Opened OPENED = new Opened("acc-1", "Ada");

    private final DeciderFixture<AccountCommand, Account, AccountEvent> account =
            DeciderFixture.of(new AccountDecider());

    @Nested
    class Expected_events {

        @Test
        void passes_when_the_command_produces_exactly_the_expected_events() {
            account.given(OPENED).when(new Deposit("acc-1", 50, "")).thenEvents(new Deposited("acc-1", 50, ""));
        }

        @Test
        void given_calls_add_up_in_order() {
            account.given(OPENED)
                    .given(List.of(new Deposited("acc-1", 50, "")))
                    .when(new Withdraw("acc-1", 50, ""))
                    .thenEvents(new Withdrawn("acc-1", 50, ""));
        }

        @Test
        void other_events_fail_showing_scenario_expected_and_actual() {
            AssertionFailedError failure = failureOf(() -> account.given(OPENED)
                    .when(new Deposit("acc-1", 50, ""))
                    .thenEvents(new Deposited("acc-1", 60, "")));

            assertThat(failure).hasMessage("""
                    the command produced other events than expected
                      given:
                        1. Opened[accountId=acc-1, owner=Ada]
                      when:
                        Deposit[accountId=acc-1, amount=50, reference=]
                      expected:
                        1. Deposited[accountId=acc-1, amount=60, reference=]
                      but was:
                        1. Deposited[accountId=acc-1, amount=50, reference=]""");
            assertThat(failure.getExpected().getValue())
                    .isEqualTo("1. Deposited[accountId=acc-1, amount=60, reference=]");
            assertThat(failure.getActual().getValue())
                    .isEqualTo("1. Deposited[accountId=acc-1, amount=50, reference=]");
        }

        @Test
        void fewer_events_than_produced_fail() {
            AssertionFailedError failure = failureOf(() ->
                    account.given(OPENED).when(new Deposit("acc-1", 50, "")).thenEvents());

            assertThat(failure)
                    .hasMessageContaining("expected:\n    (nothing)\n")
                    .hasMessageEndingWith("but was:\n    1. Deposited[accountId=acc-1, amount=50, reference=]");
        }

        @Test
        void a_rejection_where_events_were_expected_says_so_with_the_reason() {
            AssertionFailedError failure = failureOf(() -> account.given(OPENED)
                    .when(new Withdraw("acc-1", 80, ""))
                    .thenEvents(new Withdrawn("acc-1", 80, "")));

            assertThat(failure.getMessage())
                    .startsWith("expected events, but the command was rejected")
                    .endsWith("but was:\n    rejected NOT_ALLOWED INSUFFICIENT_FUNDS: balance 0 is below 80");
            assertThat(failure.getExpected().getValue())
                    .isEqualTo("1. Withdrawn[accountId=acc-1, amount=80, reference=]");
        }

        @Test
        void the_events_are_there_for_assertions_of_your_own() {
            assertThat(account.given(OPENED).when(new Deposit("acc-1", 5, "x")).events())
                    .containsExactly(new Deposited("acc-1", 5, "x"));
        }

        @Test
        void asking_for_the_events_of_a_rejected_command_fails() {
            assertThat(failureOf(() -> account.when(new Deposit("acc-1", 5, "")).events()))
                    .hasMessageStartingWith("expected events, but the command was rejected");
        }
    }

    @Nested
    class Nothing {

        @Test
        void passes_when_the_command_is_accepted_with_nothing_to_do() {
            account.given(OPENED).when(new Deposit("acc-1", 0, "")).thenNothing();
        }

        @Test
        void events_where_nothing_was_expected_fail_showing_them() {
            AssertionFailedError failure = failureOf(() ->
                    account.given(OPENED).when(new Deposit("acc-1", 7, "")).thenNothing());

            assertThat(failure)
                    .hasMessageStartingWith("expected no events, but the command produced some")
                    .hasMessageEndingWith(
                            "expected:\n    (nothing)\n  but was:\n    1. Deposited[accountId=acc-1, amount=7, reference=]");
        }

        @Test
        void a_rejection_where_nothing_was_expected_fails() {
            assertThat(failureOf(() -> account.when(new Deposit("acc-1", 0, "")).thenNothing()))
                    .hasMessageStartingWith("expected no events, but the command was rejected")
                    .hasMessageContaining("rejected NOT_FOUND ACCOUNT_NOT_FOUND: no account acc-1");
        }
    }

    @Nested
    class Rejections {

        @Test
        void passes_on_the_expected_reason() {
            account.given(OPENED).when(new Open("acc-1", "Bob")).thenRejected("ALREADY_OPEN");
        }

        @Test
        void passes_on_the_expected_kind_and_reason() {
            account.given(OPENED)
                    .when(new Withdraw("acc-1", 1, ""))
                    .thenRejected(Rejection.Kind.NOT_ALLOWED, "INSUFFICIENT_FUNDS");
        }

        @Test
        void the_rejection_is_there_for_assertions_on_its_message() {
            assertThat(account.given(OPENED).when(new Withdraw("acc-1", 9, "")).rejection())
                    .hasMessage("balance 0 is below 9");
        }

        @Test
        void acceptance_where_a_rejection_was_expected_fails_showing_the_events() {
            AssertionFailedError failure = failureOf(() -> account.given(OPENED, new Deposited("acc-1", 100, ""))
                    .when(new Withdraw("acc-1", 80, ""))
                    .thenRejected("INSUFFICIENT_FUNDS"));

            assertReport(
                    failure,
                    "expected a rejection, but the command was accepted",
                    "expected:\n    rejected INSUFFICIENT_FUNDS\n",
                    "but was:\n    1. Withdrawn[accountId=acc-1, amount=80, reference=]");
        }

        @Test
        void another_reason_fails_showing_both() {
            AssertionFailedError failure =
                    failureOf(() -> account.when(new Withdraw("acc-1", 80, "")).thenRejected("INSUFFICIENT_FUNDS"));

            assertReport(
                    failure,
                    "the command was rejected, but not as expected",
                    "expected:\n    rejected INSUFFICIENT_FUNDS\n",
                    "but was:\n    rejected NOT_FOUND ACCOUNT_NOT_FOUND: no account acc-1");
        }

        @Test
        void the_right_reason_of_another_kind_fails() {
            assertThat(failureOf(() -> account.given(OPENED)
                            .when(new Withdraw("acc-1", 80, ""))
                            .thenRejected(Rejection.Kind.INVALID, "INSUFFICIENT_FUNDS")))
                    .hasMessageContaining("expected:\n    rejected INVALID INSUFFICIENT_FUNDS\n")
                    .hasMessageContaining("but was:\n    rejected NOT_ALLOWED INSUFFICIENT_FUNDS");
        }

        @Test
        void passes_when_the_message_contains_the_expected_words() {
            account.given(OPENED)
                    .when(new Withdraw("acc-1", 9, ""))
                    .thenRejected(Rejection.Kind.NOT_ALLOWED, "INSUFFICIENT_FUNDS")
                    .thenMessageContains("below 9");
        }

        @Test
        void a_message_without_the_expected_words_fails_showing_it() {
            AssertionFailedError failure = failureOf(() ->
                    account.given(OPENED).when(new Withdraw("acc-1", 9, "")).thenMessageContains("below 8"));

            assertReport(
                    failure,
                    "the rejection's message does not say what was expected",
                    "expected:\n    a message containing \"below 8\"\n",
                    "but was:\n    rejected NOT_ALLOWED INSUFFICIENT_FUNDS: balance 0 is below 9");
        }

        @Test
        void expecting_a_message_of_an_accepted_command_fails() {
            assertThat(failureOf(() -> account.given(OPENED)
                            .when(new Deposit("acc-1", 1, ""))
                            .thenMessageContains("below")))
                    .hasMessageStartingWith("expected a rejection, but the command was accepted")
                    .hasMessageEndingWith("but was:\n    1. Deposited[accountId=acc-1, amount=1, reference=]");
        }

        @Test
        void asking_for_the_rejection_of_an_accepted_command_fails() {
            assertThat(failureOf(() -> account.given(OPENED)
                            .when(new Deposit("acc-1", 1, ""))
                            .rejection()))
                    .hasMessageStartingWith("expected a rejection, but the command was accepted")
                    .hasMessageContaining("then:\n    1. Deposited");
        }
    }

    @Nested
    class State {

        @Test
        void passes_on_the_state_after_given_and_produced_events() {
            account.given(OPENED, new Deposited("acc-1", 100, ""))
                    .when(new Withdraw("acc-1", 30, ""))
                    .thenEvents(new Withdrawn("acc-1", 30, ""))
                    .thenState(new Account(true, 70, false));
        }

        @Test
        void another_state_fails_showing_both() {
            AssertionFailedError failure = failureOf(() ->
                    account.given(OPENED).when(new Deposit("acc-1", 30, "")).thenState(new Account(true, 20, false)));

            assertThat(failure)
                    .hasMessageStartingWith("the state after the command differs")
                    .hasMessageEndingWith("expected:\n    Account[open=true, balance=20, flagged=false]\n"
                            + "  but was:\n    Account[open=true, balance=30, flagged=false]");
        }

        @Test
        void the_state_is_there_for_assertions_of_your_own() {
            Account after =
                    account.given(OPENED).when(new Deposit("acc-1", 30, "")).state();

            assertThat(after.balance()).isEqualTo(30);
        }

        @Test
        void asking_for_the_state_after_a_rejected_command_fails() {
            assertThat(failureOf(
                            () -> account.when(new Deposit("acc-1", 30, "")).state()))
                    .hasMessageStartingWith("expected a state after the command, but the command was rejected")
                    .hasMessageContaining("when:\n    Deposit[accountId=acc-1, amount=30, reference=]");
        }

        @Test
        void a_rejected_command_has_no_state_to_check() {
            assertThat(failureOf(
                            () -> account.when(new Deposit("acc-1", 30, "")).thenState(Account.NONE)))
                    .hasMessageStartingWith("expected a state after the command, but the command was rejected");
        }
    }

    @Nested
    class Purity {

        /** Makes up an id while deciding: exactly what a decider must not do. */
        private final Decider<String, Integer, String> impure = new Decider<>() {
            @Override
            public Integer initialState() {
                return 0;
            }

            @Override
            public List<String> decide(String command, Integer state) {
                return List.of(command + "-" + UUID.randomUUID());
            }

            @Override
            public Integer evolve(Integer state, String event) {
                return state + 1;
            }
        };

        @Test
        void a_decider_that_decides_differently_the_second_time_fails() {
            assertThat(failureOf(() -> DeciderFixture.of(impure).when("go")))
                    .hasMessageStartingWith("the decider is not deterministic")
                    .hasMessageContaining("when:\n    go");
        }

        @Test
        void an_exception_other_than_a_rejection_propagates() {
            Decider<String, Integer, String> broken = new Decider<>() {
                @Override
                public Integer initialState() {
                    return 0;
                }

                @Override
                public List<String> decide(String command, Integer state) {
                    throw new IllegalStateException("bug");
                }

                @Override
                public Integer evolve(Integer state, String event) {
                    return state;
                }
            };

            assertThatThrownBy(() -> DeciderFixture.of(broken).when("go"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("bug");
        }
    }
}
