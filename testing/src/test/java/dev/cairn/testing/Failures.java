package dev.cairn.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.opentest4j.AssertionFailedError;

/** Runs an expectation that must fail, and hands back the failure for assertions on its message. */
final class Failures {

    private Failures() {}

    static AssertionFailedError failureOf(Runnable expectation) {
        try {
            expectation.run();
        } catch (AssertionFailedError failure) {
            return failure;
        }
        throw new AssertionError("expected the fixture to report a failure, but it passed");
    }

    /** The report reads: this headline first, then this expectation, and what was found instead last. */
    static void assertReport(AssertionFailedError failure, String headline, String expected, String butWas) {
        assertThat(failure.getMessage()).startsWith(headline).contains(expected).endsWith(butWas);
    }
}
