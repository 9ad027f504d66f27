package dev.cairn.testing.bank;

import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.Reaction;
import java.util.List;

public final class WhenLargeDepositThenFlagAccount implements Reaction<AccountEvent, AccountCommand> {

    public static final long LARGE = 10_000;

    @Override
    public List<AccountCommand> react(Envelope<AccountEvent> envelope) {
        return envelope.event() instanceof AccountEvent.Deposited deposited && deposited.amount() >= LARGE
                ? List.of(new AccountCommand.Flag(deposited.accountId(), "LARGE_DEPOSIT"))
                : List.of();
    }
}
