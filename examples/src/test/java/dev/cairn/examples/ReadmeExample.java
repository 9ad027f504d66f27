package dev.cairn.examples;

import dev.cairn.core.command.CommandContext;
import dev.cairn.core.command.CommandHandler;
import dev.cairn.core.command.CommandResult;
import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.model.Decider;
import dev.cairn.core.model.Rejection;
import dev.cairn.core.processing.Processors;
import dev.cairn.core.query.ReadSide;
import dev.cairn.json.JsonEventCodec;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The README's example, word for word between the markers (ReadmeTest keeps them equal). */
final class ReadmeExample {

    // README:begin
    record Deposit(String account, long cents) {}

    sealed interface AccountEvent {
        record Deposited(String account, long cents) implements AccountEvent {}
    }

    static final class Account implements Decider<Deposit, Long, AccountEvent> {
        public Long initialState() { return 0L; }

        public List<AccountEvent> decide(Deposit deposit, Long balance) {
            if (deposit.cents() <= 0) throw Rejection.invalid("AMOUNT_NOT_POSITIVE", "cents must be positive");
            return List.of(new AccountEvent.Deposited(deposit.account(), deposit.cents()));
        }

        public Long evolve(Long balance, AccountEvent event) {
            return switch (event) { case AccountEvent.Deposited d -> balance + d.cents(); };
        }
    }

    static long depositAndReadBack() {
        var store = new InMemoryEventStore();
        var codec = JsonEventCodec.builder(AccountEvent.class).register("bank.Deposited", AccountEvent.Deposited.class).build();
        var accounts = CommandHandler.of(store, new Account(), codec, deposit -> "account-" + deposit.account());

        Map<String, Long> balances = new ConcurrentHashMap<>();                    // the read model
        var projection = Processors.projection("balances", store, codec, envelope -> {
            switch (envelope.event()) { case AccountEvent.Deposited d -> balances.merge(d.account(), d.cents(), Long::sum); }
        }).build();
        projection.start();

        var accepted = (CommandResult.Accepted) accounts.handle(new Deposit("alice", 500), CommandContext.startingWith(UUID.randomUUID()));
        var query = new ReadSide<>(Collections.unmodifiableMap(balances), projection);  // queries cannot write
        long balance = query.ask(view -> view.getOrDefault("alice", 0L), accepted.position(), Duration.ofSeconds(5)).value();
        projection.stop();
        return balance;                                                            // 500: read-your-writes
    }
    // README:end
}
