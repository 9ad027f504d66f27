package dev.cairn.lab.choreography;

import dev.cairn.lab.Fault;
import dev.cairn.lab.LabEnvironment;
import dev.cairn.lab.Style;
import dev.cairn.lab.StyleRun;
import java.util.Optional;

/**
 * Cairn's restaurant system as it is, on the embedded file store in the style's work directory:
 * the contexts react to each other's events, and nothing coordinates them. Ordering, kitchen and
 * accounting each run as a {@code RestaurantSystem} of their own on the shared log (the other
 * contexts together in a fourth), so a fault stops or slows exactly one of them.
 */
public final class Choreography implements Style {

    @Override
    public String name() {
        return "choreography";
    }

    @Override
    public String shape() {
        return "Cairn's restaurant system as it is: seven event-sourced contexts on one embedded log, each reacting to the others' events";
    }

    @Override
    public Optional<String> inapplicable(Fault fault) {
        return Optional.empty();
    }

    @Override
    public StyleRun start(LabEnvironment environment) throws Exception {
        return ChoreographyRun.start(environment.workDirectory().resolve(name()));
    }
}
