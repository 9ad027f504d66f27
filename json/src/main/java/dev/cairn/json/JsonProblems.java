package dev.cairn.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;

/**
 * Turns a Jackson failure into one line that says what went wrong and where (property path, line
 * and column), without Jackson's source excerpt: stored events may hold personal data, and these
 * messages end up in logs.
 */
final class JsonProblems {

    private JsonProblems() {}

    static String describe(IOException failure) {
        if (!(failure instanceof JacksonException jackson)) {
            return String.valueOf(failure.getMessage());
        }
        StringBuilder text = new StringBuilder(firstLine(jackson.getOriginalMessage()));
        if (jackson instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            text.append(" at ").append(path(mapping));
        }
        JsonLocation location = jackson.getLocation();
        if (location != null && location.getLineNr() > 0) {
            text.append(" (line ")
                    .append(location.getLineNr())
                    .append(", column ")
                    .append(location.getColumnNr())
                    .append(')');
        }
        return text.toString();
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference step : mapping.getPath()) {
            if (step.getFieldName() != null) {
                path.append('.').append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
