package dev.cairn.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CairnJsonTest {

    private final JsonMapper json = CairnJson.mapper();

    record Times(Instant instant, OffsetDateTime offset, ZonedDateTime zoned, LocalDate date, Duration duration) {}

    record Money(BigDecimal amount, String currency) {
        public boolean isZero() {
            return amount.signum() == 0;
        }

        public String getLabel() {
            throw new IllegalStateException("a derived method must not be called while writing");
        }
    }

    record Dto(String name) {
        @JsonProperty("shout")
        public String shout() {
            return name.toUpperCase();
        }
    }

    enum Colour {
        RED,
        GREEN
    }

    record Painted(Colour colour, int coats, Optional<String> note) {}

    record Nothing() {}

    @Nested
    class Time {

        @Test
        void java_time_values_are_iso_8601_strings() throws Exception {
            var times = new Times(
                    Instant.parse("2024-05-01T10:15:30.5Z"),
                    OffsetDateTime.of(2024, 5, 1, 12, 15, 30, 0, ZoneOffset.ofHours(2)),
                    ZonedDateTime.of(2024, 5, 1, 12, 15, 30, 0, ZoneId.of("Europe/Paris")),
                    LocalDate.of(2024, 5, 1),
                    Duration.ofSeconds(90));

            assertThat(json.writeValueAsString(times))
                    .isEqualTo("{\"instant\":\"2024-05-01T10:15:30.500Z\","
                            + "\"offset\":\"2024-05-01T12:15:30+02:00\",\"zoned\":\"2024-05-01T12:15:30+02:00\","
                            + "\"date\":\"2024-05-01\",\"duration\":\"PT1M30S\"}");
        }

        @Test
        void an_offset_is_read_back_as_written_not_moved_to_utc() throws Exception {
            var offset = OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 0, ZoneOffset.ofHours(-5));

            assertThat(json.readValue(json.writeValueAsBytes(offset), OffsetDateTime.class))
                    .isEqualTo(offset);
        }
    }

    @Nested
    class Records {

        @Test
        void a_record_is_written_as_its_components_only() throws Exception {
            assertThat(json.writeValueAsString(new Money(new BigDecimal("0"), "EUR")))
                    .isEqualTo("{\"amount\":0,\"currency\":\"EUR\"}");
        }

        @Test
        void a_method_annotated_as_a_property_is_still_written() throws Exception {
            assertThat(json.writeValueAsString(new Dto("ada"))).isEqualTo("{\"name\":\"ada\",\"shout\":\"ADA\"}");
        }

        @Test
        void a_record_without_components_is_an_empty_object() throws Exception {
            assertThat(json.writeValueAsString(new Nothing())).isEqualTo("{}");
            assertThat(json.readValue("{}", Nothing.class)).isEqualTo(new Nothing());
        }

        @Test
        void big_decimals_are_written_plainly() throws Exception {
            assertThat(json.writeValueAsString(new Money(new BigDecimal("1E+3"), "EUR")))
                    .contains("\"amount\":1000");
        }

        @Test
        void an_empty_optional_is_null_and_null_reads_back_as_empty() throws Exception {
            assertThat(json.writeValueAsString(new Painted(Colour.RED, 2, Optional.empty())))
                    .isEqualTo("{\"colour\":\"RED\",\"coats\":2,\"note\":null}");
            assertThat(json.readValue("{\"colour\":\"RED\",\"coats\":2}", Painted.class)
                            .note())
                    .isEmpty();
        }
    }

    @Nested
    class Strictness {

        @Test
        void unknown_properties_are_ignored() throws Exception {
            assertThat(json.readValue("{\"colour\":\"GREEN\",\"coats\":1,\"gloss\":true}", Painted.class))
                    .isEqualTo(new Painted(Colour.GREEN, 1, Optional.empty()));
        }

        @ParameterizedTest(name = "{0} is refused")
        @MethodSource("refusals")
        void refuses(String what, String body, Class<? extends Exception> failure) {
            assertThatThrownBy(() -> json.readValue(body, Painted.class)).isInstanceOf(failure);
        }

        static Stream<Arguments> refusals() {
            return Stream.of(
                    arguments("an enum as a number", "{\"colour\":0,\"coats\":1}", MismatchedInputException.class),
                    arguments(
                            "null for a primitive",
                            "{\"colour\":\"RED\",\"coats\":null}",
                            MismatchedInputException.class),
                    arguments(
                            "an unknown enum constant",
                            "{\"colour\":\"BLUE\",\"coats\":1}",
                            InvalidFormatException.class),
                    arguments(
                            "trailing content", "{\"colour\":\"RED\",\"coats\":1} {}", MismatchedInputException.class));
        }
    }

    @Nested
    class Sharing {

        @Test
        void every_call_gives_a_mapper_of_its_own() {
            assertThat(CairnJson.mapper()).isNotSameAs(CairnJson.mapper());
        }

        @Test
        void the_builder_starts_from_the_same_configuration() throws Exception {
            JsonMapper extended = CairnJson.builder().build();

            assertThat(extended.writeValueAsString(List.of(Instant.EPOCH))).isEqualTo("[\"1970-01-01T00:00:00Z\"]");
        }
    }
}
