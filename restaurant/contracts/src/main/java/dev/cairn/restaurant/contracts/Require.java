package dev.cairn.restaurant.contracts;

import dev.cairn.core.model.Rejection;
import java.util.List;

/**
 * Field checks for compact constructors. Each failure is a {@link Rejection} of kind
 * {@code INVALID} with reason {@link #INVALID_FIELD} and a message naming the field, so a host
 * answers bad input the same way wherever it was built (an HTTP 400), and nothing is appended.
 */
public final class Require {

    /** The reason of every field rejection; the message says which field and why. */
    public static final String INVALID_FIELD = "INVALID_FIELD";
    /** Longest id: stream ids are {@code category-id} and must stay well under the store's limit. */
    public static final int MAX_ID_LENGTH = 100;

    private Require() {}

    /** @throws Rejection when {@code value} is null */
    public static <T> T present(String field, T value) {
        if (value == null) {
            throw invalid(field + " is required");
        }
        return value;
    }

    /** An id: present, not blank, at most {@link #MAX_ID_LENGTH} characters, no control characters. */
    public static String id(String field, String value) {
        return text(field, value, MAX_ID_LENGTH);
    }

    /** Free text: present, not blank, at most {@code maxLength} characters, no control characters. */
    public static String text(String field, String value, int maxLength) {
        present(field, value);
        if (value.isBlank()) {
            throw invalid(field + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw invalid(field + " must be at most " + maxLength + " characters, was " + value.length());
        }
        for (int i = 0; i < value.length(); i++) { // a plain loop: every event's record constructor runs this
            if (Character.isISOControl(value.charAt(i))) {
                throw invalid(field + " must not contain control characters");
            }
        }
        return value;
    }

    /** @throws Rejection when {@code value} is outside {@code min..max} */
    public static long between(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw invalid(field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** @throws Rejection when {@code value} is outside {@code min..max} */
    public static int between(String field, int value, int min, int max) {
        return (int) between(field, (long) value, min, max);
    }

    /** An unmodifiable copy holding {@code min..max} non-null elements. */
    public static <T> List<T> list(String field, List<T> values, int min, int max) {
        present(field, values);
        if (values.size() < min || values.size() > max) {
            throw invalid(field + " must hold between " + min + " and " + max + " entries, held " + values.size());
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw invalid(field + "[" + i + "] is required");
            }
        }
        return List.copyOf(values);
    }

    /** A rejection of kind INVALID for a field; for checks this class does not cover. */
    public static Rejection invalid(String message) {
        return Rejection.invalid(INVALID_FIELD, message);
    }
}
