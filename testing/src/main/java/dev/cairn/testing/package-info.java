/**
 * Given/when/then fixtures for tests of Cairn code; a shipped module, used from your test scope.
 * Entry types: {@link dev.cairn.testing.DeciderFixture} for command sides,
 * {@link dev.cairn.testing.ProjectionFixture} for read models,
 * {@link dev.cairn.testing.ReactionFixture} and {@link dev.cairn.testing.ProcessManagerFixture}
 * for choreography and orchestration. A failed expectation is an
 * {@link org.opentest4j.AssertionFailedError} carrying expected and actual, which IDEs show as a diff.
 *
 * <p>The examples in these types use the toy bank account of this module's tests, and run there
 * as written ({@code JavadocExamplesTest}).
 */
package dev.cairn.testing;
