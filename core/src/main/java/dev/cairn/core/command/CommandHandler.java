package dev.cairn.core.command;

import dev.cairn.core.codec.EncodedEvent;
import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.model.Decider;
import dev.cairn.core.model.Rejection;
import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.WrongExpectedVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Handles commands for one decider: load the stream's state, decide, append with the expected
 * version, and retry on a conflict a bounded number of times.
 *
 * <pre>{@code
 * var counters = CommandHandler.of(store, new CounterDecider(), codec, command -> Counter.stream(command.id()));
 * CommandResult result = counters.handle(new Increment("a", 4), CommandContext.startingWith(requestId));
 * }</pre>
 *
 * <p>The stream-id function takes any command of the decider's vocabulary, so it is usually a
 * method of the vocabulary's root ({@code OrderCommand::streamId}), not of one command. The example
 * uses the toy counter of core's tests and runs there as written ({@code JavadocExamplesTest}).
 *
 * @param <C> commands
 * @param <S> state
 * @param <E> events
 */
public final class CommandHandler<C, S, E> {

    /** Default number of decide-and-append attempts before giving up on a contended stream. */
    public static final int DEFAULT_MAX_ATTEMPTS = 8;
    /** Default number of stream states kept in the cache. */
    public static final int DEFAULT_CACHE_SIZE = 10_000;

    private final EventStore store;
    private final Decider<C, S, E> decider;
    private final EventCodec<E> codec;
    private final Function<? super C, String> streamOf;
    private final StateCache<S> cache;
    private final int maxAttempts;

    private CommandHandler(
            EventStore store,
            Decider<C, S, E> decider,
            EventCodec<E> codec,
            Function<? super C, String> streamOf,
            int cacheSize,
            int maxAttempts) {
        this.store = Objects.requireNonNull(store, "store");
        this.decider = Objects.requireNonNull(decider, "decider");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.streamOf = Objects.requireNonNull(streamOf, "streamOf");
        if (cacheSize < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("cacheSize must be >= 0 and maxAttempts >= 1");
        }
        this.cache = new StateCache<>(cacheSize);
        this.maxAttempts = maxAttempts;
    }

    /** A handler with the default cache size and attempts. */
    public static <C, S, E> CommandHandler<C, S, E> of(
            EventStore store, Decider<C, S, E> decider, EventCodec<E> codec, Function<? super C, String> streamOf) {
        return new CommandHandler<>(store, decider, codec, streamOf, DEFAULT_CACHE_SIZE, DEFAULT_MAX_ATTEMPTS);
    }

    /**
     * A handler with explicit tuning.
     *
     * @param cacheSize   how many stream states to keep (0 disables the cache)
     * @param maxAttempts how many times to decide and append before a conflict is reported
     */
    public static <C, S, E> CommandHandler<C, S, E> of(
            EventStore store,
            Decider<C, S, E> decider,
            EventCodec<E> codec,
            Function<? super C, String> streamOf,
            int cacheSize,
            int maxAttempts) {
        return new CommandHandler<>(store, decider, codec, streamOf, cacheSize, maxAttempts);
    }

    /**
     * Handles one command.
     *
     * @return accepted (with the stream, its new version and a log position) or rejected (with the reason)
     * @throws ConcurrencyConflictException when every attempt met a concurrent writer
     * @throws dev.cairn.core.store.EventStoreUnavailableException when the store cannot be reached
     */
    public CommandResult handle(C command, CommandContext context) {
        String streamId = streamOf.apply(command);
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            // The first attempt trusts a cached state without reading the stream: if another writer
            // got there first, the expected version refuses the append and the retry reads.
            StateCache.Entry<S> cached = attempt == 1 && maxAttempts > 1 ? cache.get(streamId) : null;
            boolean trusted = cached != null;
            StateCache.Entry<S> loaded = trusted ? cached : load(streamId);
            List<E> events;
            try {
                events = decider.decide(command, loaded.state());
            } catch (Rejection rejection) {
                if (trusted) {
                    continue; // only an append checks the cached version: decide again on the stream as stored
                }
                return alreadyHandled(streamId, context).orElseGet(() -> CommandResult.Rejected.from(rejection));
            }
            if (events.isEmpty()) {
                if (trusted) {
                    continue; // "nothing to do" on a stale state would skip the version check; read and decide again
                }
                return new CommandResult.Accepted(streamId, loaded.version(), store.headPosition());
            }
            try {
                AppendResult result =
                        store.append(streamId, ExpectedVersion.of(loaded.version()), encode(events, context));
                remember(streamId, loaded, events, result);
                return new CommandResult.Accepted(streamId, result.lastVersion(), result.lastPosition());
            } catch (WrongExpectedVersionException conflict) {
                cache.remove(streamId);
            }
        }
        throw new ConcurrencyConflictException(streamId, maxAttempts);
    }

    /** The current state of a stream, folded from the cache entry (if any) and the events after it: always read through. */
    public S currentState(String streamId) {
        return load(streamId).state();
    }

    private StateCache.Entry<S> load(String streamId) {
        StateCache.Entry<S> cached = cache.get(streamId);
        S state = cached == null ? decider.initialState() : cached.state();
        long version = cached == null ? ExpectedVersion.NO_STREAM_VERSION : cached.version();
        List<RecordedEvent> newer = store.readStream(streamId, version + 1);
        for (RecordedEvent recorded : newer) {
            state = decider.evolve(state, codec.decode(recorded.type(), recorded.data()));
            version = recorded.version();
        }
        if (!newer.isEmpty()) {
            cache.put(streamId, state, version);
        }
        return new StateCache.Entry<>(state, version);
    }

    /**
     * A command retried after it succeeded (a client resending a POST with the same idempotency
     * key, a redelivered reaction) is often refused by the state it created ("already exists").
     * Its first event, whose id derives from the command id, tells it apart: then the answer is
     * the first one. Only refusals pay for this read.
     */
    private Optional<CommandResult> alreadyHandled(String streamId, CommandContext context) {
        UUID firstEventId = context.eventId(0);
        List<RecordedEvent> stream = store.readStream(streamId, 0);
        for (int i = 0; i < stream.size(); i++) {
            if (stream.get(i).eventId().equals(firstEventId)) {
                RecordedEvent last = stream.get(i);
                for (int j = i + 1;
                        j < stream.size() && stream.get(j).causationId().equals(context.commandId());
                        j++) {
                    last = stream.get(j);
                }
                return Optional.of(new CommandResult.Accepted(streamId, last.version(), last.position()));
            }
        }
        return Optional.empty();
    }

    private void remember(String streamId, StateCache.Entry<S> loaded, List<E> events, AppendResult result) {
        if (result.duplicate()) {
            // A retry of an earlier command: the stream may hold more than these events now.
            cache.remove(streamId);
            return;
        }
        S state = loaded.state();
        for (E event : events) {
            state = decider.evolve(state, event);
        }
        cache.put(streamId, state, result.lastVersion());
    }

    private List<NewEvent> encode(List<E> events, CommandContext context) {
        List<NewEvent> encoded = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            EncodedEvent e = codec.encode(events.get(i));
            encoded.add(new NewEvent(
                    context.eventId(i),
                    e.type(),
                    e.data(),
                    context.correlationId(),
                    context.commandId(),
                    context.actor()));
        }
        return encoded;
    }
}
