package dev.cairn.testing;

import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Builds the message of a failed expectation: a headline, the scenario that led there, then
 * expected against actual. Expected and actual also go into the error as text laid out the same
 * way, so an IDE's diff view compares them line by line.
 */
final class Failure {

    private static final String INDENT = "    ";

    private final StringBuilder text;

    private Failure(String headline) {
        this.text = new StringBuilder(headline);
    }

    static Failure of(String headline) {
        return new Failure(headline);
    }

    /** A labelled list, numbered from 1 so "the 3rd event" can be found at a glance. */
    Failure list(String label, List<?> items) {
        return block(label, numbered(items));
    }

    /** A labelled single value. */
    Failure item(String label, Object value) {
        return block(label, String.valueOf(value));
    }

    AssertionFailedError expected(String expected, String actual) {
        block("expected", expected);
        block("but was", actual);
        return new AssertionFailedError(text.toString(), expected, actual);
    }

    AssertionFailedError error() {
        return new AssertionFailedError(text.toString());
    }

    /**
     * A value as the report shows it: its text, and its type too when that text is all it shares
     * with the value it is compared to ({@code 30} against {@code 30L} would otherwise read as equal).
     */
    static String shown(Object value, Object comparedTo) {
        String text = String.valueOf(value);
        if (value != null && comparedTo != null && text.equals(String.valueOf(comparedTo))) {
            return text + " (" + value.getClass().getName() + ")";
        }
        return text;
    }

    static String numbered(List<?> items) {
        if (items.isEmpty()) {
            return "(nothing)";
        }
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            lines.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(items.get(i));
        }
        return lines.toString();
    }

    private Failure block(String label, String body) {
        text.append("\n  ").append(label).append(":\n").append(INDENT).append(body.replace("\n", "\n" + INDENT));
        return this;
    }
}
