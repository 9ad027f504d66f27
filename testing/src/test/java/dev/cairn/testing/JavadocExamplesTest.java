package dev.cairn.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.model.Rejection;
import dev.cairn.core.processing.Envelope;
import dev.cairn.testing.bank.AccountCommand.Deposit;
import dev.cairn.testing.bank.AccountCommand.Flag;
import dev.cairn.testing.bank.AccountCommand.Withdraw;
import dev.cairn.testing.bank.AccountDecider;
import dev.cairn.testing.bank.AccountEvent;
import dev.cairn.testing.bank.AccountEvent.Deposited;
import dev.cairn.testing.bank.AccountEvent.Opened;
import dev.cairn.testing.bank.AccountEvent.TransferRequested;
import dev.cairn.testing.bank.AccountEvent.Withdrawn;
import dev.cairn.testing.bank.BalancesView;
import dev.cairn.testing.bank.TransferProcess;
import dev.cairn.testing.bank.WhenLargeDepositThenFlagAccount;
import org.junit.jupiter.api.Test;

/** The examples of the fixtures' Javadoc, exactly as written there; keep both in step. */
class JavadocExamplesTest {

    @Test
    void decider_fixture_example() {
        DeciderFixture.of(new AccountDecider())
                .given(new Opened("acc-1", "Ada"), new Deposited("acc-1", 50, ""))
                .when(new Withdraw("acc-1", 80, ""))
                .thenRejected(Rejection.Kind.NOT_ALLOWED, "INSUFFICIENT_FUNDS");
    }

    @Test
    void projection_fixture_example() {
        ProjectionFixture.of(BalancesView::new)
                .streamIds(AccountEvent::accountId)
                .given(new Opened("acc-1", "Ada"), new Deposited("acc-1", 50, ""), new Withdrawn("acc-1", 20, ""))
                .then(view -> view.balanceOf("acc-1"), 30L)
                .thenIdempotent(view -> view.balanceOf("acc-1"));
    }

    @Test
    void reaction_fixture_example() {
        ReactionFixture.of(new WhenLargeDepositThenFlagAccount())
                .when(new Deposited("acc-1", 20_000, ""))
                .thenCommands(new Flag("acc-1", "LARGE_DEPOSIT"));
    }

    @Test
    void process_manager_fixture_example() {
        ProcessManagerFixture.of(new TransferProcess())
                .given(new TransferRequested("acc-1", "t-1", "acc-2", 30))
                .when(new Withdrawn("acc-1", 30, "t-1"))
                .thenCommands(new Deposit("acc-2", 30, "t-1"))
                .thenAllCommands(new Withdraw("acc-1", 30, "t-1"), new Deposit("acc-2", 30, "t-1"));
    }

    @Test
    void synthetic_log_example() {
        SyntheticLog<AccountEvent> log = SyntheticLog.create(AccountEvent::accountId);
        Envelope<AccountEvent> opened = log.append(new Opened("acc-1", "Ada")); // position 1, stream acc-1, version 0

        assertThat(opened.position()).isEqualTo(1);
        assertThat(opened.streamId()).isEqualTo("acc-1");
        assertThat(opened.version()).isZero();
    }
}
