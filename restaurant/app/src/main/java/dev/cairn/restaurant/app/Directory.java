package dev.cairn.restaurant.app;

import dev.cairn.core.processing.Projection;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.Triggered;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * An in-memory read model of named entities (consumers, couriers, restaurants): one view per id,
 * found by id and listed by name, then id, so that a listing is the same on every replica. A
 * subclass says which events it follows and how they {@link #register} or {@link #update} views.
 *
 * @param <V> the view of one entity
 */
public abstract class Directory<V> implements Projection<PublishedEvent>, Triggered {

    /** The views by entity id; read by queries while the processor writes, hence concurrent. */
    private final Map<String, V> views = new ConcurrentHashMap<>();

    private final Function<V, String> id;
    private final Comparator<V> byName;

    protected Directory(Function<V, String> name, Function<V, String> id) {
        this.id = id;
        this.byName = Comparator.comparing(name).thenComparing(id);
    }

    /** Adds a newly registered entity; its registration seen again keeps what happened since. */
    protected final void register(V view) {
        views.putIfAbsent(id.apply(view), view);
    }

    /** Changes the entity's view; a change to an entity never registered is ignored. */
    protected final void update(String entityId, UnaryOperator<V> change) {
        views.computeIfPresent(entityId, (key, view) -> change.apply(view));
    }

    /** Changes every view: for an event that may concern any of the entities. */
    protected final void updateAll(UnaryOperator<V> change) {
        views.replaceAll((key, view) -> change.apply(view));
    }

    @Override
    public void reset() {
        views.clear();
    }

    public Optional<V> byId(String id) {
        return Optional.ofNullable(views.get(id));
    }

    /** Every entity, by name, then id. */
    public List<V> all() {
        return views.values().stream().sorted(byName).toList();
    }
}
