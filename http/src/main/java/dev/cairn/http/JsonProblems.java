package dev.cairn.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns Jackson's exceptions about a client's JSON into 400s whose message names the field by its path and says what
 * was expected, without Jackson's Java class names or source locations, which mean nothing to a
 * client.
 */
final class JsonProblems {

    private JsonProblems() {}

    static HttpProblem of(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return malformed(e);
        }
        if (e instanceof InvalidDefinitionException definition) {
            // The route's body type cannot be bound at all: a server bug, which must not pass for the client's mistake.
            throw new IllegalStateException("the body type " + definition.getType() + " cannot be read from JSON", e);
        }
        String path = path(mapping);
        String field = path.isEmpty() ? "the body" : "field '" + path + "'";
        if (e instanceof ValueInstantiationException) {
            String reason = rootMessage(e);
            return invalid(path.isEmpty() ? reason : field + " is invalid: " + reason);
        }
        if (e.getCause() instanceof InputCoercionException coercion) {
            return invalid(field + " is out of range for " + describe(coercion.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return invalid(field + " must be " + describe(mismatch.getTargetType()));
        }
        return invalid(field + " is invalid: " + e.getOriginalMessage());
    }

    /** What a value of this type looks like in JSON, for "must be …" messages. */
    static String describe(Class<?> type) {
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class
                || type == long.class
                || type == short.class
                || type == byte.class
                || type == Integer.class
                || type == Long.class
                || type == Short.class
                || type == Byte.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type) || type == BigDecimal.class) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as \"2025-01-31T18:30:00Z\"";
        }
        if (type == LocalDate.class) {
            return "an ISO-8601 date such as \"2025-01-31\"";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() || !type.isInterface()
                ? "an object"
                : "a JSON value";
    }

    /** {@code items[2].quantity}, from Jackson's reference chain. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static HttpProblem malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where =
                at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new HttpProblem(
                400, "MALFORMED_JSON", "the body is not valid JSON" + where + ": " + e.getOriginalMessage());
    }

    private static HttpProblem invalid(String message) {
        return new HttpProblem(400, "INVALID_FIELD", message);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? "it was refused" : message;
    }
}
