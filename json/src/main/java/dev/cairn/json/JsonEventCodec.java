package dev.cairn.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.codec.EncodedEvent;
import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.codec.EventDecodingException;
import dev.cairn.core.codec.UnknownEventTypeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An {@link EventCodec} that writes events as JSON under explicit type names. The name is the
 * event's stable identity in the log: rename or move the Java class freely, but never change a
 * registered name, since stored events answer to it forever.
 *
 * <pre>{@code
 * sealed interface AccountEvent {
 *     record Opened(String accountId, String owner) implements AccountEvent {}
 *     record Deposited(String accountId, long amount) implements AccountEvent {}
 * }
 *
 * EventCodec<AccountEvent> codec = JsonEventCodec.builder(AccountEvent.class)
 *         .register("banking.AccountOpened", AccountEvent.Opened.class)
 *         .register("banking.MoneyDeposited", AccountEvent.Deposited.class)
 *         .build();
 * EncodedEvent encoded = codec.encode(new AccountEvent.Deposited("acc-1", 30));
 * // encoded.type() is "banking.MoneyDeposited", encoded.data() is {"accountId":"acc-1","amount":30}
 * }</pre>
 *
 * <p>The payload is the event's own properties, with no type hint inside it: the name travels
 * beside the bytes ({@link EncodedEvent#type()}). Reading is tolerant of unknown properties (see
 * {@link CairnJson}). A codec is immutable and thread-safe; readers and writers are prepared once
 * per registered type.
 *
 * @param <E> the event vocabulary, usually a sealed interface of records
 */
public final class JsonEventCodec<E> implements EventCodec<E> {

    private final Class<E> baseType;
    private final Map<String, TypeBinding<? extends E>> byName;
    private final Map<Class<?>, TypeBinding<? extends E>> byClass;

    private JsonEventCodec(Class<E> baseType, List<TypeBinding<? extends E>> bindings) {
        this.baseType = baseType;
        // Map.copyOf would lose registration order, which typeNames() and error messages keep.
        var names = new LinkedHashMap<String, TypeBinding<? extends E>>();
        var classes = new HashMap<Class<?>, TypeBinding<? extends E>>();
        for (TypeBinding<? extends E> binding : bindings) {
            names.put(binding.name(), binding);
            classes.put(binding.type(), binding);
        }
        this.byName = Collections.unmodifiableMap(names);
        this.byClass = Map.copyOf(classes);
    }

    /** Starts a registry for the vocabulary {@code baseType}. */
    public static <E> Builder<E> builder(Class<E> baseType) {
        return new Builder<>(baseType);
    }

    /**
     * @throws IllegalArgumentException when the event's class has no registered name, or Jackson cannot write it
     */
    @Override
    public EncodedEvent encode(E event) {
        Objects.requireNonNull(event, "event");
        TypeBinding<? extends E> binding = byClass.get(event.getClass());
        if (binding == null) {
            throw new IllegalArgumentException(
                    "no event type name registered for " + event.getClass().getName() + " in the "
                            + baseType.getSimpleName() + " codec; registered: " + byName.keySet());
        }
        try {
            return new EncodedEvent(binding.name(), binding.writer().writeValueAsBytes(event));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot encode " + binding + ": " + JsonProblems.describe(e), e);
        }
    }

    @Override
    public E decode(String type, byte[] data) {
        Objects.requireNonNull(data, "data");
        TypeBinding<? extends E> binding = byName.get(Objects.requireNonNull(type, "type"));
        if (binding == null) {
            throw new UnknownEventTypeException(type, byName.keySet());
        }
        E event;
        try {
            event = binding.reader().readValue(data);
        } catch (IOException e) {
            throw new EventDecodingException("cannot decode " + binding + ": " + JsonProblems.describe(e), e);
        }
        if (event == null) {
            throw new EventDecodingException("cannot decode " + binding + ": the payload is JSON null", null);
        }
        return event;
    }

    @Override
    public boolean knows(String type) {
        return byName.containsKey(type);
    }

    /** The registered names, in registration order. */
    @Override
    public Set<String> typeNames() {
        return byName.keySet();
    }

    @Override
    public String toString() {
        return "JsonEventCodec[" + baseType.getSimpleName() + " " + byName.keySet() + "]";
    }

    /**
     * Collects type names; {@link #build()} checks the registry as a whole, so a mistake is reported
     * at startup with every problem at once, not when the first odd event is read.
     */
    public static final class Builder<E> {

        private final Class<E> baseType;
        private final List<Registration> registrations = new ArrayList<>();
        private ObjectMapper mapper;

        private Builder(Class<E> baseType) {
            this.baseType = Objects.requireNonNull(baseType, "baseType");
        }

        /**
         * Stores events of {@code type} under {@code name}, e.g. {@code "ordering.OrderCreated"}: a
         * context prefix and the event's past-tense name, without whitespace.
         */
        public Builder<E> register(String name, Class<? extends E> type) {
            registrations.add(
                    new Registration(Objects.requireNonNull(name, "name"), Objects.requireNonNull(type, "type")));
            return this;
        }

        /** Uses this mapper instead of {@link CairnJson#mapper()}; it must not be reconfigured afterwards. */
        public Builder<E> mapper(ObjectMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        /**
         * @throws IllegalArgumentException listing every problem: nothing registered, a blank name or
         *                                  one with whitespace, a name or class registered twice, a class
         *                                  that is abstract or outside the vocabulary, or — when the base
         *                                  type is sealed — a permitted concrete type left unregistered
         */
        public JsonEventCodec<E> build() {
            List<String> problems = RegistryCheck.problems(baseType, registrations);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid event type registry for " + baseType.getName() + ":\n  - "
                        + String.join("\n  - ", problems));
            }
            ObjectMapper json = mapper != null ? mapper : CairnJson.mapper();
            List<TypeBinding<? extends E>> bindings = registrations.stream()
                    .<TypeBinding<? extends E>>map(
                            r -> TypeBinding.of(json, r.name(), r.type().asSubclass(baseType)))
                    .toList();
            return new JsonEventCodec<>(baseType, bindings);
        }
    }

    record Registration(String name, Class<?> type) {}
}
