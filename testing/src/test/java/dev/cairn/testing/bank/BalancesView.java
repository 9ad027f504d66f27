package dev.cairn.testing.bank;

import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.Projection;
import java.util.HashMap;
import java.util.Map;

/** Balances per account; idempotent because it remembers the last version applied per stream. */
public class BalancesView implements Projection<AccountEvent> {

    private final Map<String, Long> balances = new HashMap<>();
    private final Map<String, Long> lastVersion = new HashMap<>();

    @Override
    public void apply(Envelope<AccountEvent> envelope) {
        if (envelope.version() <= lastVersion.getOrDefault(envelope.streamId(), -1L)) {
            return;
        }
        lastVersion.put(envelope.streamId(), envelope.version());
        switch (envelope.event()) {
            case AccountEvent.Opened opened -> balances.put(opened.accountId(), 0L);
            case AccountEvent.Deposited deposited -> add(deposited.accountId(), deposited.amount());
            case AccountEvent.Withdrawn withdrawn -> add(withdrawn.accountId(), -withdrawn.amount());
            case AccountEvent.Flagged flagged -> {}
            case AccountEvent.TransferRequested requested -> {}
        }
    }

    protected void add(String accountId, long amount) {
        balances.merge(accountId, amount, Long::sum);
    }

    public long balanceOf(String accountId) {
        return balances.getOrDefault(accountId, 0L);
    }

    public Map<String, Long> balances() {
        return Map.copyOf(balances);
    }
}
