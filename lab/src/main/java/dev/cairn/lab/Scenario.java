package dev.cairn.lab;

import java.util.Arrays;
import java.util.Optional;

/** A warm-up, then three equal phases: before, during and after the fault (none for {@code healthy}). */
public enum Scenario {
    HEALTHY("healthy", null),
    KITCHEN_DOWN("kitchen-down", Fault.KITCHEN_DOWN),
    ACCOUNTING_SLOW("accounting-slow", Fault.ACCOUNTING_SLOW),
    ORDER_CRASH("order-crash", Fault.ORDER_CRASH);

    private final String label;
    private final Fault fault;

    Scenario(String label, Fault fault) {
        this.label = label;
        this.fault = fault;
    }

    public String label() {
        return label;
    }

    public Optional<Fault> fault() {
        return Optional.ofNullable(fault);
    }

    public static Scenario byLabel(String label) {
        return Arrays.stream(values())
                .filter(s -> s.label.equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + label + "'; known: "
                        + String.join(
                                ", ",
                                Arrays.stream(values()).map(Scenario::label).toList())));
    }
}
