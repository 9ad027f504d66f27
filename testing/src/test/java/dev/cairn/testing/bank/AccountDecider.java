package dev.cairn.testing.bank;

import dev.cairn.core.model.Decider;
import dev.cairn.core.model.Rejection;
import dev.cairn.testing.bank.AccountCommand.Deposit;
import dev.cairn.testing.bank.AccountCommand.Flag;
import dev.cairn.testing.bank.AccountCommand.Open;
import dev.cairn.testing.bank.AccountCommand.Withdraw;
import dev.cairn.testing.bank.AccountEvent.Deposited;
import dev.cairn.testing.bank.AccountEvent.Flagged;
import dev.cairn.testing.bank.AccountEvent.Opened;
import dev.cairn.testing.bank.AccountEvent.TransferRequested;
import dev.cairn.testing.bank.AccountEvent.Withdrawn;
import java.util.List;

public final class AccountDecider implements Decider<AccountCommand, Account, AccountEvent> {

    @Override
    public Account initialState() {
        return Account.NONE;
    }

    @Override
    public List<AccountEvent> decide(AccountCommand command, Account state) {
        if (!state.open() && !(command instanceof Open)) {
            throw Rejection.notFound("ACCOUNT_NOT_FOUND", "no account " + command.accountId());
        }
        return switch (command) {
            case Open open -> open(open, state);
            case Deposit deposit ->
                deposit.amount() == 0
                        ? List.of()
                        : List.of(new Deposited(deposit.accountId(), deposit.amount(), deposit.reference()));
            case Withdraw withdraw -> withdraw(withdraw, state);
            case Flag flag -> state.flagged() ? List.of() : List.of(new Flagged(flag.accountId(), flag.reason()));
        };
    }

    private static List<AccountEvent> open(Open open, Account state) {
        if (state.open()) {
            throw Rejection.notAllowed("ALREADY_OPEN", "account " + open.accountId() + " is already open");
        }
        return List.of(new Opened(open.accountId(), open.owner()));
    }

    private static List<AccountEvent> withdraw(Withdraw withdraw, Account state) {
        if (state.balance() < withdraw.amount()) {
            throw Rejection.notAllowed(
                    "INSUFFICIENT_FUNDS", "balance " + state.balance() + " is below " + withdraw.amount());
        }
        return List.of(new Withdrawn(withdraw.accountId(), withdraw.amount(), withdraw.reference()));
    }

    @Override
    public Account evolve(Account state, AccountEvent event) {
        return switch (event) {
            case Opened opened -> new Account(true, 0, false);
            case Deposited deposited -> state.plus(deposited.amount());
            case Withdrawn withdrawn -> state.plus(-withdrawn.amount());
            case Flagged flagged -> new Account(state.open(), state.balance(), true);
            case TransferRequested requested -> state;
        };
    }
}
