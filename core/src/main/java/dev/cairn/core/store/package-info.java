/**
 * The event store contract. Entry type: {@link dev.cairn.core.store.EventStore}, composed of the
 * roles {@link dev.cairn.core.store.AppendToStream}, {@link dev.cairn.core.store.ReadStream},
 * {@link dev.cairn.core.store.ReadLog} and {@link dev.cairn.core.store.SubscribeToLog}.
 *
 * <p>Every store meets these requirements, and the conformance kit ({@code cairn-eventstore-tck})
 * checks each of them against every store:
 * <ol>
 *   <li>{@code append(stream, expectedVersion, events)} is atomic: all or nothing;</li>
 *   <li>optimistic concurrency: a wrong expected version fails and appends nothing;</li>
 *   <li>per-stream versions are contiguous from 0;</li>
 *   <li>every event gets a global position; positions are totally ordered (positive, strictly
 *       increasing, possibly with gaps);</li>
 *   <li>every reader of the log sees the same events in the same order (consistent ordering);</li>
 *   <li>a reader tailing the log never skips a committed event (total propagation) and never sees
 *       an event that may still be rolled back: see {@link dev.cairn.core.store.ReadLog#headPosition()};</li>
 *   <li>appends are idempotent on event id: retrying the same append returns the first result;</li>
 *   <li>an acknowledged append survives a crash (durable stores);</li>
 *   <li>subscriptions hand over from catch-up to live without loss or duplicates.</li>
 * </ol>
 *
 * <p>Stores deal in bytes ({@link dev.cairn.core.store.NewEvent},
 * {@link dev.cairn.core.store.RecordedEvent}); turning domain events into bytes is a codec's job
 * ({@link dev.cairn.core.codec.EventCodec}), kept apart from recording.
 */
package dev.cairn.core.store;
