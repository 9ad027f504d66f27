package dev.cairn.json;

import dev.cairn.json.JsonEventCodec.Registration;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks a type-name registry as a whole, collecting every problem rather than stopping at the first. */
final class RegistryCheck {

    private RegistryCheck() {}

    static List<String> problems(Class<?> baseType, List<Registration> registrations) {
        List<String> problems = new ArrayList<>();
        if (registrations.isEmpty()) {
            problems.add("no event types registered");
        }
        Set<String> names = new HashSet<>();
        Set<Class<?>> classes = new HashSet<>();
        for (Registration registration : registrations) {
            nameProblem(registration.name()).ifPresent(problems::add);
            if (!names.add(registration.name())) {
                problems.add("type name '" + registration.name() + "' is registered more than once");
            }
            if (!classes.add(registration.type())) {
                problems.add(registration.type().getName() + " is registered more than once");
            }
            typeProblem(baseType, registration.type()).ifPresent(problems::add);
        }
        for (Class<?> missing : concretePermittedTypes(baseType)) {
            if (!classes.contains(missing)) {
                problems.add(missing.getName() + " is a permitted " + baseType.getSimpleName()
                        + " but has no type name; register it");
            }
        }
        return problems;
    }

    private static Optional<String> nameProblem(String name) {
        if (name.isBlank()) {
            return Optional.of("a type name is blank");
        }
        if (name.codePoints()
                .anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c))) {
            return Optional.of("type name '" + name + "' holds whitespace or a control character");
        }
        return Optional.empty();
    }

    private static Optional<String> typeProblem(Class<?> baseType, Class<?> type) {
        if (!baseType.isAssignableFrom(type)) {
            return Optional.of(type.getName() + " is not a " + baseType.getName());
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return Optional.of(type.getName() + " is abstract; register its concrete types instead");
        }
        return Optional.empty();
    }

    /**
     * The concrete classes a sealed hierarchy permits, through nested sealed interfaces; none for a
     * type that is not sealed. A {@code non-sealed} abstract branch cannot be enumerated, so it is
     * not checked.
     */
    static Set<Class<?>> concretePermittedTypes(Class<?> type) {
        Set<Class<?>> found = new LinkedHashSet<>();
        if (type.isSealed()) {
            collect(type, found);
        }
        return found;
    }

    private static void collect(Class<?> type, Set<Class<?>> found) {
        if (!type.isSealed()) {
            if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
                found.add(type);
            }
            return;
        }
        if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
            found.add(type); // a sealed concrete class is itself an event, besides its subclasses
        }
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            collect(permitted, found);
        }
    }
}
