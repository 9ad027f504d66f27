package dev.cairn.core.processing;

import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.command.CommandSender;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.RecordedEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a {@link ProcessManager}. Instance states live in memory; on start they are rebuilt by
 * folding the log up to the checkpoint without sending anything, since those commands were sent
 * before. Commands sent again after a crash (between sending and checkpointing) carry the same
 * derived ids, so the store drops them as retries.
 */
final class ProcessManagerHandler<S, E, C> implements EventHandler {

    private static final int REBUILD_PAGE = 4096;

    private final String name;
    private final EventStore store;
    private final EventCodec<E> codec;
    private final EventFilter filter;
    private final ProcessManager<S, E, C> manager;
    private final CommandSender<C> sender;
    private final Map<String, S> states = new ConcurrentHashMap<>();

    ProcessManagerHandler(
            String name,
            EventStore store,
            EventCodec<E> codec,
            EventFilter filter,
            ProcessManager<S, E, C> manager,
            CommandSender<C> sender) {
        this.name = name;
        this.store = store;
        this.codec = codec;
        this.filter = filter;
        this.manager = manager;
        this.sender = sender;
    }

    @Override
    public void starting(long checkpoint) {
        states.clear();
        long position = 0;
        while (position < checkpoint) {
            List<RecordedEvent> page = store.readAll(position, REBUILD_PAGE, filter);
            if (page.isEmpty()) {
                return;
            }
            for (RecordedEvent recorded : page) {
                if (recorded.position() > checkpoint) {
                    return;
                }
                E event = codec.decode(recorded.type(), recorded.data());
                manager.instanceOf(event).ifPresent(id -> states.put(id, manager.evolve(stateOf(id), event)));
                position = recorded.position();
            }
        }
    }

    @Override
    public void handle(RecordedEvent recorded) {
        E event = codec.decode(recorded.type(), recorded.data());
        Optional<String> instance = manager.instanceOf(event);
        if (instance.isEmpty()) {
            return;
        }
        S before = stateOf(instance.get());
        S after = manager.evolve(before, event);
        Processors.send(
                name,
                new Envelope<>(event, recorded),
                manager.react(before, after, new Envelope<>(event, recorded)),
                sender);
        // Only after the commands went out: a failure above retries the event from the same state.
        states.put(instance.get(), after);
    }

    /** One instance's events are handled in order, whichever streams they come from. */
    @Override
    public String partitionKey(RecordedEvent recorded) {
        return manager.instanceOf(codec.decode(recorded.type(), recorded.data()))
                .orElse(recorded.streamId());
    }

    @Override
    public void reset() {
        states.clear();
    }

    private S stateOf(String instance) {
        return states.getOrDefault(instance, manager.initialState());
    }
}
