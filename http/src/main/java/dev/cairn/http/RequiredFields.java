package dev.cairn.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Checks, before binding, that every component of a body record (and of the records nested in it,
 * directly, in collections or in {@link Optional}s) is present and not null, unless it is an
 * {@code Optional}. Jackson alone would bind a missing field to null or 0 and let it through, so
 * without this a forgotten field could reach a decider; and the check names the field by its full
 * path ({@code items[2].quantity}).
 *
 * <p>It also refuses numbers where a {@code java.time} value is expected: Jackson would read
 * {@code 5} as an epoch second, but the contract's times are ISO-8601 strings.
 */
final class RequiredFields {

    /** A record component as the check needs it; computed once per record class, as reflection is slow per request. */
    private record Field(String name, boolean optional, Type valueType) {}

    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents())
                    .map(RequiredFields::field)
                    .toList();
        }
    };

    private RequiredFields() {}

    private static Field field(RecordComponent component) {
        boolean optional = component.getType() == Optional.class;
        return new Field(
                component.getName(),
                optional,
                optional ? typeArgument(component.getGenericType()) : component.getGenericType());
    }

    static void check(Class<?> type, JsonNode object) {
        check(type, object, "");
    }

    private static void check(Class<?> type, JsonNode object, String path) {
        if (!type.isRecord() || !object.isObject()) {
            return; // not ours to judge: binding reports a wrong shape with its path
        }
        for (Field field : FIELDS.get(type)) {
            String fieldPath = path.isEmpty() ? field.name() : path + "." + field.name();
            JsonNode value = object.get(field.name());
            if (value == null || value.isNull()) {
                if (!field.optional()) {
                    throw new HttpProblem(400, "MISSING_FIELD", "field '" + fieldPath + "' is required");
                }
                continue;
            }
            checkValue(field.valueType(), value, fieldPath);
        }
    }

    private static void checkValue(Type type, JsonNode value, String path) {
        Class<?> raw = rawClass(type);
        if (raw == null) {
            return;
        }
        if (Temporal.class.isAssignableFrom(raw) && !value.isTextual()) {
            throw new HttpProblem(400, "INVALID_FIELD", "field '" + path + "' must be " + JsonProblems.describe(raw));
        }
        if (raw.isRecord()) {
            check(raw, value, path);
        } else if (Collection.class.isAssignableFrom(raw) && value.isArray()) {
            Type element = typeArgument(type);
            for (int i = 0; i < value.size(); i++) {
                String elementPath = path + "[" + i + "]";
                if (value.get(i).isNull()) {
                    throw new HttpProblem(400, "MISSING_FIELD", "'" + elementPath + "' must not be null");
                }
                checkValue(element, value.get(i), elementPath);
            }
        }
    }

    private static Type typeArgument(Type type) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                ? p.getActualTypeArguments()[0]
                : Object.class;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
    }
}
