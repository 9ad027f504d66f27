package dev.cairn.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads and checks request bodies, in the order that costs least: content type, declared size,
 * actual size, JSON syntax, required fields, then binding. Whatever is wrong becomes an
 * {@link HttpProblem}; nothing a client sends can reach a route unchecked or produce a 5xx.
 */
final class JsonBodies {

    private final ObjectMapper mapper;
    private final int maxBytes;
    private final ClassValue<ObjectReader> readers = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return mapper.readerFor(type);
        }
    };

    JsonBodies(ObjectMapper mapper, int maxBytes) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    <B> B read(Context ctx, Class<B> type) {
        requireJsonContentType(ctx);
        byte[] bytes = readLimited(ctx);
        JsonNode tree = parse(bytes);
        if (!tree.isObject()) {
            throw new HttpProblem(400, "INVALID_BODY", "the body must be a JSON object, not " + kind(tree));
        }
        RequiredFields.check(type, tree);
        try {
            return readers.get(type).readValue(tree);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        } catch (IOException e) {
            throw new HttpProblem(400, "INVALID_BODY", "the body could not be read: " + e.getMessage());
        }
    }

    /** For routes without a body: no body needs no content type, but a body sent anyway must say JSON. */
    void requireNoneOrJson(Context ctx) {
        String contentType = ctx.header("Content-Type");
        boolean hasBody = ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
        if (contentType != null || hasBody) {
            requireJsonContentType(ctx);
        }
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
    }

    private void requireJsonContentType(Context ctx) {
        String contentType = ctx.header("Content-Type");
        if (contentType == null || !isJson(contentType)) {
            throw new HttpProblem(
                    415,
                    "UNSUPPORTED_MEDIA_TYPE",
                    contentType == null
                            ? "the request has no Content-Type; send the body as application/json"
                            : "Content-Type '" + contentType
                                    + "' is not supported; send the body as application/json (UTF-8)");
        }
    }

    /** {@code application/json}, optionally with {@code charset=utf-8}; the contract's bodies are UTF-8. */
    static boolean isJson(String contentType) {
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=")) {
                String charset = parameter.substring("charset=".length()).replace("\"", "");
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    return false;
                }
            }
        }
        return true;
    }

    private byte[] readLimited(Context ctx) {
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        // The declared length may be absent (chunked) or a lie: count what actually arrives.
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new HttpProblem(400, "INVALID_BODY", "the body could not be read completely");
        }
    }

    private JsonNode parse(byte[] bytes) {
        try {
            JsonNode tree = mapper.readTree(bytes);
            if (tree == null || tree.isMissingNode()) {
                throw new HttpProblem(400, "MALFORMED_JSON", "the body is empty; a JSON object is expected");
            }
            return tree;
        } catch (MismatchedInputException trailing) {
            // Nothing is bound yet, so this is FAIL_ON_TRAILING_TOKENS: a second value after the first is malformed,
            // not a field error.
            throw new HttpProblem(
                    400, "MALFORMED_JSON", "the body is not valid JSON: more content follows the first JSON value");
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        } catch (IOException e) {
            throw new HttpProblem(400, "MALFORMED_JSON", "the body is not valid JSON");
        }
    }

    private HttpProblem tooLarge() {
        return new HttpProblem(413, "PAYLOAD_TOO_LARGE", "the body is larger than " + maxBytes + " bytes");
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "that";
        };
    }
}
