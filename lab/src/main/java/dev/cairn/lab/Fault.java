package dev.cairn.lab;

/** What goes wrong in the middle phase of a scenario. */
public enum Fault {
    /** The kitchen stops answering and processing: calls to it fail, its events or messages wait. */
    KITCHEN_DOWN("kitchen-down"),
    /** Accounting takes {@link #ACCOUNTING_DELAY_MS} more for every call or event it handles. */
    ACCOUNTING_SLOW("accounting-slow"),
    /** The order service is killed without a clean shutdown, and restarted when the phase ends. */
    ORDER_CRASH("order-crash");

    public static final long ACCOUNTING_DELAY_MS = 200;

    private final String label;

    Fault(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
