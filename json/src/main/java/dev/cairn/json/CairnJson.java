package dev.cairn.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;

/**
 * The one Jackson configuration Cairn uses, for event payloads and for anything else that speaks
 * JSON (HTTP bodies, CLI output), so a record looks the same on disk and on the wire.
 *
 * <ul>
 *   <li>{@code java.time} values are ISO-8601 strings ({@code "2024-05-01T12:00:00Z"}, {@code "PT5M"}),
 *       never numbers, and an offset or zone is kept as written rather than moved to UTC;</li>
 *   <li>{@link java.util.Optional} is supported: empty is written as {@code null}, and {@code null}
 *       or a missing property reads back as empty;</li>
 *   <li><b>tolerant reader</b>: unknown properties are ignored, so code that is older than an event
 *       (a rolling deploy, a rollback) still reads it; the price is that a misspelt property is not
 *       reported — it reaches the record's constructor as a missing value, where validation rejects it;</li>
 *   <li>strict otherwise: trailing content after the value, {@code null} for a primitive, and
 *       numbers for enums are errors, because in a stored event they mean corruption;</li>
 *   <li>{@link java.math.BigDecimal} is written plainly ({@code 1000}, not {@code 1E+3});</li>
 *   <li>text is plain UTF-8: only what JSON requires is escaped, emoji included.</li>
 * </ul>
 *
 * <p>Records need nothing: Jackson reads them through their canonical constructor, and writes
 * exactly their components — not what bean-style methods such as {@code isEmpty()} compute. Domain types
 * carry no Jackson annotations; a mapper is the only place JSON is configured.
 *
 * <pre>{@code
 * record Balance(String accountId, long amount, Instant asOf) {}
 *
 * ObjectMapper json = CairnJson.mapper();
 * String text = json.writeValueAsString(new Balance("acc-1", 30, Instant.parse("2024-05-01T12:00:00Z")));
 * // {"accountId":"acc-1","amount":30,"asOf":"2024-05-01T12:00:00Z"}
 * }</pre>
 */
public final class CairnJson {

    private CairnJson() {}

    /**
     * A new mapper with Cairn's configuration. Building one is not free (it warms caches as it is
     * used); make one per component and keep it. Mappers are thread-safe once configured.
     */
    public static JsonMapper mapper() {
        return builder().build();
    }

    /**
     * Cairn's configuration as a builder, for a component that needs more (another module, a
     * feature) on top of it.
     */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder(CairnJson.factory())
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(new ParameterNamesModule())
                .annotationIntrospector(new RecordComponentsOnly())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                // Emoji as four UTF-8 bytes rather than two escaped surrogates: readable in the log, and shorter.
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // Error locations name line and column but never quote the payload: events may hold personal data.
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION);
    }

    /**
     * A JSON factory whose buffers are recycled through one shared pool rather than per thread
     * ({@link StripedBufferPool}): Jackson's default thread-local pool never reuses a buffer on a
     * virtual thread, and profiles of the restaurant system had that at half of all encoding time.
     */
    public static JsonFactory factory() {
        return JsonFactory.builder().recyclerPool(StripedBufferPool.SHARED).build();
    }
}
