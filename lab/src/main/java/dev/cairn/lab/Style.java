package dev.cairn.lab;

import java.util.Optional;

/**
 * One way to build the order flow. A style starts its services on fresh storage for every scenario,
 * so no run sees another's orders.
 */
public interface Style {

    /** The name used on the command line and in {@code lab.json}: {@code crud-monolith}, … */
    String name();

    /** One sentence for the report: the shape of the style. */
    String shape();

    /**
     * Why {@code fault} cannot apply to this style (a monolith has no separate kitchen to lose), or
     * empty when it applies. A fault that does not apply is reported as such, never faked.
     */
    Optional<String> inapplicable(Fault fault);

    /** Starts the services on fresh storage, with the {@link Fixture}'s consumer and restaurant in place. */
    StyleRun start(LabEnvironment environment) throws Exception;
}
