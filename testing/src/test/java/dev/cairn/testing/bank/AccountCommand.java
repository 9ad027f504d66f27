package dev.cairn.testing.bank;

/** A toy vocabulary for the fixtures' own tests. */
public sealed interface AccountCommand {

    String accountId();

    record Open(String accountId, String owner) implements AccountCommand {}

    record Deposit(String accountId, long amount, String reference) implements AccountCommand {}

    record Withdraw(String accountId, long amount, String reference) implements AccountCommand {}

    record Flag(String accountId, String reason) implements AccountCommand {}
}
