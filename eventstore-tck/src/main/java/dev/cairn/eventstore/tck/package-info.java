/**
 * The event store conformance kit: abstract suites that every store's test module extends, so store
 * behaviour is specified once and every store runs all of it.
 * <ul>
 *   <li>{@link dev.cairn.eventstore.tck.EventStoreContract}: requirements 1–7 and 9 of
 *       {@link dev.cairn.core.store}: one file per numbered requirement
 *       ({@link dev.cairn.eventstore.tck.Requirement1AtomicAppends} …
 *       {@link dev.cairn.eventstore.tck.Requirement9Subscriptions}) and a few shared checks beyond
 *       them, each run as a {@code @Nested} class of the contract;</li>
 *   <li>{@link dev.cairn.eventstore.tck.EventStoreProperties}: a jqwik property of random concurrent
 *       appends with tailing readers;</li>
 *   <li>{@link dev.cairn.eventstore.tck.DurableEventStoreContract}: requirement 8, for durable stores.</li>
 * </ul>
 * A store's module depends on {@code cairn-eventstore-tck} in test scope and implements
 * {@code newStore()} (a fresh, empty store; the kit closes it) in one subclass of each suite:
 * <pre>{@code
 * class FileEventStoreConformanceTest extends EventStoreContract {
 *     @TempDir Path dir;
 *     @Override protected EventStore newStore() { return FileEventStore.open(dir); }
 * }
 * // likewise FileEventStorePropertiesTest extends EventStoreProperties; durable stores add
 * // FileEventStoreDurabilityTest extends DurableEventStoreContract, which also implements reopen(closed).
 * }</pre>
 */
package dev.cairn.eventstore.tck;
