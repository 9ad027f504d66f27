package dev.cairn.testing;

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
}
