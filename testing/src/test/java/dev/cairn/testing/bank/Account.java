package dev.cairn.testing.bank;

/** The state of one account. */
public record Account(boolean open, long balance, boolean flagged) {

    public static final Account NONE = new Account(false, 0, false);

    Account plus(long amount) {
        return new Account(open, balance + amount, flagged);
    }
}
