package dev.cairn.testing.bank;

import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.ProcessManager;
import dev.cairn.testing.bank.AccountEvent.Deposited;
import dev.cairn.testing.bank.AccountEvent.TransferRequested;
import dev.cairn.testing.bank.AccountEvent.Withdrawn;
import java.util.List;
import java.util.Optional;

/** Moves money between accounts: withdraw from the source, then deposit into the target. One instance per transfer. */
public final class TransferProcess implements ProcessManager<TransferProcess.Transfer, AccountEvent, AccountCommand> {

    public enum Stage {
        NONE,
        REQUESTED,
        WITHDRAWN,
        DONE
    }

    public record Transfer(Stage stage, String id, String from, String to, long amount) {
        static final Transfer NONE = new Transfer(Stage.NONE, "", "", "", 0);

        Transfer at(Stage next) {
            return new Transfer(next, id, from, to, amount);
        }
    }

    @Override
    public Optional<String> instanceOf(AccountEvent event) {
        return switch (event) {
            case TransferRequested requested -> Optional.of(requested.transferId());
            case Withdrawn withdrawn -> transfer(withdrawn.reference());
            case Deposited deposited -> transfer(deposited.reference());
            case AccountEvent.Opened opened -> Optional.empty();
            case AccountEvent.Flagged flagged -> Optional.empty();
        };
    }

    private static Optional<String> transfer(String reference) {
        return reference.startsWith("t-") ? Optional.of(reference) : Optional.empty();
    }

    @Override
    public Transfer initialState() {
        return Transfer.NONE;
    }

    @Override
    public Transfer evolve(Transfer state, AccountEvent event) {
        return switch (event) {
            case TransferRequested r ->
                new Transfer(Stage.REQUESTED, r.transferId(), r.accountId(), r.to(), r.amount());
            case Withdrawn withdrawn -> state.at(Stage.WITHDRAWN);
            case Deposited deposited -> state.at(Stage.DONE);
            case AccountEvent.Opened opened -> state;
            case AccountEvent.Flagged flagged -> state;
        };
    }

    @Override
    public List<AccountCommand> react(Transfer before, Transfer after, Envelope<AccountEvent> event) {
        if (before.stage() != Stage.REQUESTED && after.stage() == Stage.REQUESTED) {
            return List.of(new AccountCommand.Withdraw(after.from(), after.amount(), after.id()));
        }
        if (before.stage() != Stage.WITHDRAWN && after.stage() == Stage.WITHDRAWN) {
            return List.of(new AccountCommand.Deposit(after.to(), after.amount(), after.id()));
        }
        return List.of();
    }
}
