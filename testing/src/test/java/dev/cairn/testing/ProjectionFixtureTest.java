package dev.cairn.testing;

import static dev.cairn.testing.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.testing.bank.AccountEvent;
import dev.cairn.testing.bank.AccountEvent.Deposited;
import dev.cairn.testing.bank.AccountEvent.Opened;
import dev.cairn.testing.bank.AccountEvent.Withdrawn;
import dev.cairn.testing.bank.BalancesView;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ProjectionFixtureTest {

    /** Forgets to check what it has already seen, so a redelivered deposit counts twice. */
    static final class NaiveBalancesView extends BalancesView {
        @Override
        public void apply(dev.cairn.core.processing.Envelope<AccountEvent> envelope) {
            if (envelope.event() instanceof Deposited deposited) {
                add(deposited.accountId(), deposited.amount());
            }
        }
    }

    private final ProjectionFixture<AccountEvent, BalancesView> balances =
            ProjectionFixture.of(BalancesView::new).streamIds(AccountEvent::accountId);

    @Nested
    class Queries {

        @Test
        void passes_when_the_query_answers_as_expected() {
            balances.given(new Opened("acc-1", "Ada"), new Deposited("acc-1", 50, ""), new Withdrawn("acc-1", 20, ""))
                    .then(view -> view.balanceOf("acc-1"), 30L);
        }

        @Test
        void given_calls_add_up_so_a_model_can_be_checked_step_by_step() {
            balances.given(new Opened("acc-1", "Ada"), new Deposited("acc-1", 50, ""))
                    .then(view -> view.balanceOf("acc-1"), 50L)
                    .given(new Withdrawn("acc-1", 20, ""))
                    .then(view -> view.balanceOf("acc-1"), 30L)
                    .then(BalancesView::balances, Map.of("acc-1", 30L));
        }

        @Test
        void another_answer_fails_showing_the_events_expected_and_actual() {
            AssertionFailedError failure =
                    failureOf(() -> balances.given(new Opened("acc-1", "Ada"), new Deposited("acc-1", 50, ""))
                            .then(view -> view.balanceOf("acc-1"), 40L));

            assertThat(failure).hasMessage("""
                    the read model answered the query differently
                      given:
                        1. Opened[accountId=acc-1, owner=Ada] (stream acc-1, version 0)
                        2. Deposited[accountId=acc-1, amount=50, reference=] (stream acc-1, version 1)
                      expected:
                        40
                      but was:
                        50""");
            assertThat(failure.getExpected().getValue()).isEqualTo("40");
            assertThat(failure.getActual().getValue()).isEqualTo("50");
        }

        @Test
        void an_answer_that_only_prints_like_the_expected_one_shows_both_types() {
            AssertionFailedError failure =
                    failureOf(() -> balances.given(new Opened("acc-1", "Ada"), new Deposited("acc-1", 30, ""))
                            .then(view -> view.balanceOf("acc-1"), 30));

            assertThat(failure)
                    .hasMessageEndingWith("expected:\n    30 (java.lang.Integer)\n  but was:\n    30 (java.lang.Long)");
        }

        @Test
        void assertions_of_your_own_run_on_the_read_model_and_their_failures_show_the_events() {
            balances.given(new Opened("acc-1", "Ada"))
                    .thenSatisfies(view -> assertThat(view.balances()).containsKey("acc-1"));

            AssertionFailedError failure = failureOf(() ->
                    balances.thenSatisfies(view -> assertThat(view.balances()).containsKey("acc-2")));

            assertThat(failure).hasMessageStartingWith("""
                            the read model failed assertions
                              given:
                                1. Opened[accountId=acc-1, owner=Ada] (stream acc-1, version 0)
                              failure:
                                Expecting actual:""").hasMessageContaining("to contain key:\n      \"acc-2\"");
            assertThat(failure.getCause()).isInstanceOf(AssertionError.class);
        }

        @Test
        void the_read_model_is_there_for_assertions_of_your_own() {
            assertThat(balances.given(new Opened("acc-9", "Ada")).readModel().balances())
                    .containsOnlyKeys("acc-9");
        }
    }

    @Nested
    class Envelopes {

        @Test
        void events_get_positions_in_order_and_versions_per_stream() {
            balances.given(new Opened("acc-1", "Ada"), new Opened("acc-2", "Bob"), new Deposited("acc-1", 5, ""));

            assertThat(balances.envelopes())
                    .extracting(e -> e.streamId() + "@" + e.version() + "#" + e.position())
                    .containsExactly("acc-1@0#1", "acc-2@0#2", "acc-1@1#3");
        }

        @Test
        void events_can_be_put_on_a_named_stream() {
            balances.givenOn("account-7", new Opened("acc-1", "Ada"), new Deposited("acc-1", 5, ""));

            assertThat(balances.envelopes())
                    .extracting(e -> e.streamId() + "@" + e.version())
                    .containsExactly("account-7@0", "account-7@1");
        }

        @Test
        void streams_must_be_chosen_before_the_first_event() {
            var fixture = ProjectionFixture.of(BalancesView::new).given(new Opened("acc-1", "Ada"));

            assertThatThrownBy(() -> fixture.streamIds(AccountEvent::accountId))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class Idempotency {

        @Test
        void passes_for_a_projection_that_ignores_what_it_has_seen() {
            balances.given(new Opened("acc-1", "Ada"), new Deposited("acc-1", 50, ""), new Withdrawn("acc-1", 20, ""))
                    .thenIdempotent(view -> view.balanceOf("acc-1"))
                    .thenIdempotent(BalancesView::balances);
        }

        @Test
        void a_projection_that_counts_a_redelivered_event_twice_fails_showing_both_answers() {
            AssertionFailedError failure = failureOf(() -> ProjectionFixture.of(NaiveBalancesView::new)
                    .given(new Deposited("acc-1", 50, ""))
                    .thenIdempotent(view -> view.balanceOf("acc-1")));

            assertThat(failure)
                    .hasMessageStartingWith(
                            "the projection is not idempotent: every event delivered twice in a row changed the answer")
                    .hasMessageEndingWith("expected:\n    50\n  but was:\n    100");
        }

        @Test
        void a_projection_that_only_breaks_on_replay_of_the_whole_history_fails_too() {
            /** Idempotent against an immediate repeat, not against an older event coming back. */
            final class LastEventOnly extends BalancesView {
                private String last = "";

                @Override
                public void apply(dev.cairn.core.processing.Envelope<AccountEvent> envelope) {
                    if (!envelope.eventId().toString().equals(last)
                            && envelope.event() instanceof Deposited deposited) {
                        add(deposited.accountId(), deposited.amount());
                    }
                    last = envelope.eventId().toString();
                }
            }

            assertThat(failureOf(() -> ProjectionFixture.of(LastEventOnly::new)
                            .given(new Deposited("acc-1", 50, ""), new Deposited("acc-1", 5, ""))
                            .thenIdempotent(view -> view.balanceOf("acc-1"))))
                    .hasMessageStartingWith(
                            "the projection is not idempotent: the whole history delivered twice changed the answer")
                    .hasMessageEndingWith("expected:\n    55\n  but was:\n    110");
        }
    }
}
