package dev.cairn.http;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cairn.json.CairnJson;

/**
 * The server's JSON mapper. The policy is "strict on types, tolerant of extras":
 *
 * <ul>
 *   <li>a value of the wrong type is refused, never coerced: {@code "5"} is not a number,
 *       {@code 5} is not a string, {@code 1.5} is not a whole number, {@code 1} is not a boolean
 *       or an enum constant, an empty string is not a number — because silent coercion turns a
 *       client's bug into wrong data in the log;</li>
 *   <li>unknown fields are ignored, so a client may send more than a route reads (a web page
 *       posting a form object, a newer client talking to an older server) — the tolerant-reader
 *       rule that lets the two sides evolve separately;</li>
 *   <li>duplicate keys and trailing content are malformed JSON: their meaning is ambiguous;</li>
 *   <li>{@code java.time} values are written as ISO-8601 strings; nulls are written, since the
 *       contract's views show absent states as {@code null}.</li>
 * </ul>
 */
final class Json {

    private Json() {}

    static ObjectMapper newMapper() {
        return JsonMapper.builder(CairnJson.factory()) // buffers recycled across virtual threads
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(
                        LogicalType.Textual,
                        c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }
}
