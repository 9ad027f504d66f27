/**
 * The event store conformance kit: abstract suites every store's test module extends, so store
 * behaviour is specified once and no store skips any of it.
 * <ul>
 *   <li>{@link dev.cairn.eventstore.tck.EventStoreContract}: requirements 1–7 and 9 of
 *       {@link dev.cairn.core.store}, one {@code @Nested} class per topic;</li>
 *   <li>{@link dev.cairn.eventstore.tck.EventStoreProperties}: the jqwik property of random concurrent
 *       appends and readers;</li>
 *   <li>{@link dev.cairn.eventstore.tck.DurableEventStoreContract}: requirement 8, for durable stores.</li>
 * </ul>
 * A store's tests depend on {@code cairn-eventstore-tck} (test scope) and extend each suite:
 * <pre>{@code
 * class FileEventStoreConformanceTest extends EventStoreContract {
 *     @TempDir Path dir;
 *     @Override protected EventStore newStore() { return FileEventStore.open(dir); }
 * }
 * class FileEventStorePropertiesTest extends EventStoreProperties { ... newStore() ... }
 * class FileEventStoreDurabilityTest extends DurableEventStoreContract { ... newStore(), reopen(closed) ... }
 * }</pre>
 */
package dev.cairn.eventstore.tck;
