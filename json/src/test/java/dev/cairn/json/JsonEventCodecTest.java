package dev.cairn.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.codec.EncodedEvent;
import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.codec.EventDecodingException;
import dev.cairn.core.codec.UnknownEventTypeException;
import dev.cairn.json.AccountEvent.Address;
import dev.cairn.json.AccountEvent.Closure;
import dev.cairn.json.AccountEvent.Deposited;
import dev.cairn.json.AccountEvent.Leg;
import dev.cairn.json.AccountEvent.Opened;
import dev.cairn.json.AccountEvent.Owner;
import dev.cairn.json.AccountEvent.TransferScheduled;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JsonEventCodecTest {

    private static final Instant OPENED_AT = Instant.parse("2024-05-01T09:30:00.123456789Z");

    private final EventCodec<AccountEvent> codec = AccountEvent.registry().build();

    private AccountEvent roundTrip(AccountEvent event) {
        EncodedEvent encoded = codec.encode(event);
        return codec.decode(encoded.type(), encoded.data());
    }

    private static String json(EncodedEvent encoded) {
        return new String(encoded.data(), UTF_8);
    }

    @Nested
    class Round_trips {

        @Test
        void nested_records_and_lists_come_back_equal() {
            var opened = new Opened(
                    "acc-1",
                    new Owner(
                            "Ada",
                            List.of(new Address("1 Main St", "Springfield"), new Address("2 Side St", "Shelbyville"))),
                    OPENED_AT);

            assertThat(roundTrip(opened)).isEqualTo(opened);
        }

        @Test
        void instants_keep_nanoseconds() {
            var closed = new Closure.Closed("acc-1", OPENED_AT, List.of("moved abroad", "fees"));

            assertThat(roundTrip(closed)).isEqualTo(closed);
        }

        @Test
        void offsets_durations_and_dates_come_back_as_written() {
            var scheduled = new TransferScheduled(
                    "acc-1",
                    OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2)),
                    Duration.ofMinutes(90),
                    LocalDate.of(2024, 5, 2),
                    List.of(new Leg("acc-2", new BigDecimal("12.50"))));

            assertThat(roundTrip(scheduled)).isEqualTo(scheduled);
        }

        @Test
        void present_and_empty_optionals_come_back() {
            var withMemo = new Deposited("acc-1", new BigDecimal("30.00"), Optional.of("rent"));
            var withoutMemo = new Deposited("acc-1", BigDecimal.TEN, Optional.empty());
            var frozenForever = new Closure.Frozen("acc-1", Optional.empty());
            var frozenUntil = new Closure.Frozen("acc-1", Optional.of(OPENED_AT));

            assertThat(List.of(withMemo, withoutMemo, frozenForever, frozenUntil))
                    .allSatisfy(event -> assertThat(roundTrip(event)).isEqualTo(event));
        }

        @Test
        void empty_lists_come_back_empty() {
            var closed = new Closure.Closed("acc-1", OPENED_AT, List.of());

            assertThat(roundTrip(closed)).isEqualTo(closed);
        }

        @Test
        void unicode_text_survives_in_every_script() {
            String text = "Grüße, Zoë — 東京 · مرحبا · 👩‍👩‍👧 · e\u0301 · \"quoted\" \\ \t\u0000 \u2028";
            var opened = new Opened("acc-ü-🙂", new Owner(text, List.of(new Address(text, "Zürich"))), OPENED_AT);

            EncodedEvent encoded = codec.encode(opened);

            assertThat(codec.decode(encoded.type(), encoded.data())).isEqualTo(opened);
            assertThat(json(encoded)).contains("東京", "👩‍👩‍👧");
        }

        @Test
        void many_threads_share_one_codec() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> results = IntStream.range(0, 2_000)
                        .mapToObj(i -> new Deposited("acc-" + i, BigDecimal.valueOf(i + 1), Optional.of("n" + i)))
                        .map(event -> pool.submit(() -> roundTrip(event).equals(event)))
                        .toList();
                for (Future<Boolean> result : results) {
                    assertThat(result.get()).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class Type_names {

        @Test
        void the_encoded_type_is_the_registered_name_not_the_class_name() {
            EncodedEvent encoded = codec.encode(new Deposited("acc-1", BigDecimal.ONE, Optional.empty()));

            assertThat(encoded.type()).isEqualTo("banking.MoneyDeposited");
            assertThat(json(encoded)).doesNotContain("Deposited", "dev.cairn", "@class", "@type");
        }

        @Test
        void the_payload_is_the_records_own_properties() {
            EncodedEvent encoded = codec.encode(new Deposited("acc-1", new BigDecimal("1000"), Optional.of("rent")));

            assertThat(json(encoded)).isEqualTo("{\"accountId\":\"acc-1\",\"amount\":1000,\"memo\":\"rent\"}");
        }

        @Test
        void a_stored_payload_still_decodes_under_its_name() {
            // Written once and never regenerated: if this breaks, events already in logs no longer read.
            byte[] stored = """
                    {"accountId":"acc-1","closedAt":"2024-05-01T09:30:00.123456789Z","reasons":["fees"]}
                    """.getBytes(UTF_8);

            assertThat(codec.decode("banking.AccountClosed", stored))
                    .isEqualTo(new Closure.Closed("acc-1", OPENED_AT, List.of("fees")));
        }

        @Test
        void type_names_are_listed_in_registration_order() {
            assertThat(codec.typeNames())
                    .containsExactly(
                            "banking.AccountOpened",
                            "banking.MoneyDeposited",
                            "banking.TransferScheduled",
                            "banking.AccountClosed",
                            "banking.AccountFrozen");
        }

        @Test
        void knows_exactly_the_registered_names() {
            assertThat(codec.knows("banking.AccountOpened")).isTrue();
            assertThat(codec.knows("banking.accountopened")).isFalse();
            assertThat(codec.knows(Opened.class.getName())).isFalse();
        }

        @Test
        void type_names_cannot_be_changed_from_outside() {
            assertThatThrownBy(() -> codec.typeNames().add("banking.Other"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Unknown_types {

        @Test
        void decoding_an_unknown_name_lists_the_known_names() {
            assertThatThrownBy(() -> codec.decode("banking.AccountRenamed", "{}".getBytes(UTF_8)))
                    .isInstanceOfSatisfying(
                            UnknownEventTypeException.class,
                            e -> assertThat(e.type()).isEqualTo("banking.AccountRenamed"))
                    .hasMessageContaining("'banking.AccountRenamed'")
                    .hasMessageContaining("banking.AccountOpened")
                    .hasMessageContaining("banking.AccountFrozen");
        }

        @Test
        void the_class_name_is_not_accepted_as_a_type_name() {
            EncodedEvent encoded = codec.encode(new Closure.Frozen("acc-1", Optional.empty()));

            assertThatThrownBy(() -> codec.decode(Closure.Frozen.class.getName(), encoded.data()))
                    .isInstanceOf(UnknownEventTypeException.class);
        }

        @Test
        void encoding_an_event_of_an_unregistered_class_names_the_class() {
            // Only a vocabulary that is not sealed can have members the registry does not know.
            var partial = JsonEventCodec.builder(RegistryValidationTest.Open.class)
                    .register("open.One", RegistryValidationTest.Open.One.class)
                    .build();

            assertThatThrownBy(() -> partial.encode(new RegistryValidationTest.Open.Two()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(RegistryValidationTest.Open.Two.class.getName())
                    .hasMessageContaining("open.One");
        }
    }

    @Nested
    class Corrupt_bytes {

        private EventDecodingException decodingFailure(String type, String json) {
            return decodingFailure(type, json.getBytes(UTF_8));
        }

        private EventDecodingException decodingFailure(String type, byte[] data) {
            try {
                codec.decode(type, data);
            } catch (EventDecodingException e) {
                return e;
            }
            throw new AssertionError("decoding did not fail");
        }

        @Test
        void malformed_json_names_the_type_and_the_place() {
            EventDecodingException failure = decodingFailure("banking.AccountOpened", "{\"accountId\": \"acc-1\",,}");

            assertThat(failure)
                    .hasMessageContaining("'banking.AccountOpened'")
                    .hasMessageContaining(Opened.class.getName())
                    .hasMessageContaining("line 1, column 23")
                    .hasMessageNotContaining("\n");
            assertThat(failure.getCause()).isNotNull();
        }

        @Test
        void truncated_bytes_fail() {
            byte[] whole = codec.encode(new Deposited("acc-1", BigDecimal.ONE, Optional.empty()))
                    .data();
            byte[] truncated = Arrays.copyOf(whole, whole.length - 3);

            assertThat(decodingFailure("banking.MoneyDeposited", truncated))
                    .hasMessageContaining("'banking.MoneyDeposited'");
        }

        @Test
        void empty_bytes_fail() {
            assertThat(decodingFailure("banking.MoneyDeposited", new byte[0]))
                    .hasMessageContaining("'banking.MoneyDeposited'");
        }

        @Test
        void invalid_utf8_fails() {
            byte[] data = {
                '{', '"', 'a', 'c', 'c', 'o', 'u', 'n', 't', 'I', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
            };

            assertThat(decodingFailure("banking.AccountFrozen", data)).hasMessageContaining("UTF-8");
        }

        @Test
        void json_null_fails() {
            assertThat(decodingFailure("banking.AccountFrozen", "null")).hasMessageContaining("JSON null");
        }

        @Test
        void trailing_garbage_after_the_event_fails() {
            assertThat(decodingFailure("banking.AccountFrozen", "{\"accountId\":\"acc-1\"} {}"))
                    .hasMessageContaining("'banking.AccountFrozen'");
        }

        @Test
        void a_value_of_the_wrong_shape_names_the_property_path() {
            assertThat(decodingFailure("banking.AccountOpened", """
                    {"accountId":"acc-1","openedAt":"2024-05-01T09:30:00Z",
                     "owner":{"name":"Ada","addresses":[{"street":"x","city":"y"},{"street":["not","text"]}]}}
                    """))
                    .hasMessageContaining("$.owner.addresses[1].street");
        }

        @Test
        void a_time_that_is_not_iso_8601_fails() {
            assertThat(decodingFailure(
                            "banking.AccountClosed", "{\"accountId\":\"a\",\"closedAt\":\"yesterday\",\"reasons\":[]}"))
                    .hasMessageContaining("$.closedAt");
        }

        @Test
        void the_records_own_validation_is_reported() {
            assertThat(decodingFailure(
                            "banking.MoneyDeposited", "{\"accountId\":\"acc-1\",\"amount\":-5,\"memo\":null}"))
                    .hasMessageContaining("amount must be positive, was -5");
        }

        @Test
        void a_missing_required_property_is_reported_by_the_record() {
            assertThat(decodingFailure(
                            "banking.AccountOpened", "{\"accountId\":\"acc-1\",\"openedAt\":\"2024-05-01T09:30:00Z\"}"))
                    .hasMessageContaining("owner");
        }

        @Test
        void the_payload_is_not_quoted_in_the_message() {
            assertThat(decodingFailure("banking.AccountOpened", "{\"accountId\": \"secret-iban\" oops}"))
                    .hasMessageNotContaining("secret-iban");
        }
    }

    @Nested
    class Tolerant_reading {

        @Test
        void properties_a_newer_version_added_are_ignored() {
            byte[] newer = """
                    {"accountId":"acc-1","amount":5,"memo":"rent","channel":"mobile","tags":{"a":[1,2]}}
                    """.getBytes(UTF_8);

            assertThat(codec.decode("banking.MoneyDeposited", newer))
                    .isEqualTo(new Deposited("acc-1", BigDecimal.valueOf(5), Optional.of("rent")));
        }

        @Test
        void a_missing_optional_reads_as_empty() {
            assertThat(codec.decode("banking.AccountFrozen", "{\"accountId\":\"acc-1\"}".getBytes(UTF_8)))
                    .isEqualTo(new Closure.Frozen("acc-1", Optional.empty()));
        }
    }

    @Nested
    class Mapper {

        @Test
        void a_codec_can_use_a_mapper_of_its_own() {
            var mapper = CairnJson.builder()
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();
            EventCodec<AccountEvent> strict =
                    AccountEvent.registry().mapper(mapper).build();

            assertThatThrownBy(() ->
                            strict.decode("banking.AccountFrozen", "{\"accountId\":\"a\",\"extra\":1}".getBytes(UTF_8)))
                    .isInstanceOf(EventDecodingException.class)
                    .hasMessageContaining("extra");
        }

        @Test
        void describes_itself_by_vocabulary_and_names() {
            assertThat(codec)
                    .hasToString("JsonEventCodec[AccountEvent [banking.AccountOpened, banking.MoneyDeposited, "
                            + "banking.TransferScheduled, banking.AccountClosed, banking.AccountFrozen]]");
        }
    }
}
