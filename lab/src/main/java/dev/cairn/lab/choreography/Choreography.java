package dev.cairn.lab.choreography;

import dev.cairn.lab.DescribedStyle;
import dev.cairn.lab.LabEnvironment;
import dev.cairn.lab.StyleRun;

/**
 * Cairn's restaurant system as it is, on the embedded file store in the style's work directory:
 * the contexts react to each other's events, and nothing coordinates them. Ordering, kitchen and
 * accounting each run as a {@code RestaurantSystem} of their own on the shared log (the other
 * contexts together in a fourth), so a fault stops or slows exactly one of them.
 */
public final class Choreography extends DescribedStyle {

    public Choreography() {
        super(
                "choreography",
                "Cairn's restaurant system as it is: seven event-sourced contexts on one embedded log, each reacting to the others' events");
    }

    @Override
    public StyleRun start(LabEnvironment environment) throws Exception {
        return ChoreographyRun.start(environment.workDirectory().resolve(name()));
    }
}
