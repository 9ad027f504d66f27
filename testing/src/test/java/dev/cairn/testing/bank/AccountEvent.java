package dev.cairn.testing.bank;

public sealed interface AccountEvent {

    String accountId();

    record Opened(String accountId, String owner) implements AccountEvent {}

    record Deposited(String accountId, long amount, String reference) implements AccountEvent {}

    record Withdrawn(String accountId, long amount, String reference) implements AccountEvent {}

    record Flagged(String accountId, String reason) implements AccountEvent {}

    /** Asks to move money from {@code accountId} to {@code to}; a process manager carries it out. */
    record TransferRequested(String accountId, String transferId, String to, long amount) implements AccountEvent {}
}
