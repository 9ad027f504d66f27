package dev.cairn.testing;

import java.util.List;
import java.util.Objects;

/**
 * What a fixture ran: the given events, then the command or event under test. Every failure of a
 * {@code when} and of the outcome it returns opens with it, so the report reads as the test does.
 *
 * @param given the events before the one under test, in order
 * @param when the command or event under test
 */
record Scenario(List<?> given, Object when) {

    Scenario {
        given = List.copyOf(given);
        Objects.requireNonNull(when, "when");
    }

    /** A failure report that opens with {@code headline}, then this scenario. */
    Failure failure(String headline) {
        return Failure.of(headline).list("given", given).item("when", when);
    }
}
