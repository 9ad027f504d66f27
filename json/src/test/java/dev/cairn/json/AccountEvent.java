package dev.cairn.json;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A toy vocabulary shaped like a real one: nested records, lists, time, optionals, a nested sealed branch. */
sealed interface AccountEvent {

    String accountId();

    record Opened(String accountId, Owner owner, Instant openedAt) implements AccountEvent {
        public Opened {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(openedAt, "openedAt");
        }
    }

    record Deposited(String accountId, BigDecimal amount, Optional<String> memo) implements AccountEvent {
        public Deposited {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(memo, "memo");
            if (amount == null || amount.signum() <= 0) {
                throw new IllegalArgumentException("amount must be positive, was " + amount);
            }
        }
    }

    record TransferScheduled(String accountId, OffsetDateTime at, Duration window, LocalDate valueDate, List<Leg> legs)
            implements AccountEvent {
        public TransferScheduled {
            legs = List.copyOf(legs);
        }
    }

    /** A nested sealed branch: its records must be registered like any other. */
    sealed interface Closure extends AccountEvent {
        record Closed(String accountId, Instant closedAt, List<String> reasons) implements Closure {
            public Closed {
                reasons = List.copyOf(reasons);
            }
        }

        record Frozen(String accountId, Optional<Instant> until) implements Closure {}
    }

    record Owner(String name, List<Address> addresses) {
        public Owner {
            addresses = List.copyOf(addresses);
        }
    }

    record Address(String street, String city) {}

    record Leg(String toAccount, BigDecimal amount) {}

    static JsonEventCodec.Builder<AccountEvent> registry() {
        return JsonEventCodec.builder(AccountEvent.class)
                .register("banking.AccountOpened", Opened.class)
                .register("banking.MoneyDeposited", Deposited.class)
                .register("banking.TransferScheduled", TransferScheduled.class)
                .register("banking.AccountClosed", Closure.Closed.class)
                .register("banking.AccountFrozen", Closure.Frozen.class);
    }
}
