package dev.cairn.core.store;

import java.util.Objects;
import java.util.Set;

/**
 * Selects events of the log by stream category and event type. An empty set means "any".
 *
 * @param categories stream categories to keep (see {@link StreamIds#category(String)})
 * @param types      event type names to keep
 */
public record EventFilter(Set<String> categories, Set<String> types) {

    private static final EventFilter ALL = new EventFilter(Set.of(), Set.of());

    public EventFilter {
        categories = Set.copyOf(Objects.requireNonNull(categories, "categories"));
        types = Set.copyOf(Objects.requireNonNull(types, "types"));
    }

    public static EventFilter all() {
        return ALL;
    }

    public static EventFilter categories(String... categories) {
        return new EventFilter(Set.of(categories), Set.of());
    }

    public static EventFilter types(String... types) {
        return new EventFilter(Set.of(), Set.of(types));
    }

    public static EventFilter ofTypes(Set<String> types) {
        return new EventFilter(Set.of(), types);
    }

    /** This filter's categories with these types. */
    public EventFilter withTypes(Set<String> types) {
        return new EventFilter(categories, types);
    }

    public boolean isAll() {
        return categories.isEmpty() && types.isEmpty();
    }

    public boolean matches(String streamId, String type) {
        return (categories.isEmpty() || categories.contains(StreamIds.category(streamId)))
                && (types.isEmpty() || types.contains(type));
    }

    public boolean matches(RecordedEvent event) {
        return matches(event.streamId(), event.type());
    }
}
