package dev.cairn.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.json.AccountEvent.Closure;
import dev.cairn.json.AccountEvent.Deposited;
import dev.cairn.json.AccountEvent.Opened;
import dev.cairn.json.AccountEvent.TransferScheduled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryValidationTest {

    private static JsonEventCodec.Builder<AccountEvent> allBut(Class<?> left) {
        var builder = JsonEventCodec.builder(AccountEvent.class);
        if (left != Opened.class) builder.register("banking.AccountOpened", Opened.class);
        if (left != Deposited.class) builder.register("banking.MoneyDeposited", Deposited.class);
        if (left != TransferScheduled.class) builder.register("banking.TransferScheduled", TransferScheduled.class);
        if (left != Closure.Closed.class) builder.register("banking.AccountClosed", Closure.Closed.class);
        if (left != Closure.Frozen.class) builder.register("banking.AccountFrozen", Closure.Frozen.class);
        return builder;
    }

    @Nested
    class Completeness_of_a_sealed_vocabulary {

        @Test
        void a_complete_registry_builds() {
            assertThat(allBut(Void.class).build().typeNames()).hasSize(5);
        }

        @Test
        void a_permitted_record_left_out_is_named() {
            assertThatThrownBy(() -> allBut(Deposited.class).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid event type registry for " + AccountEvent.class.getName())
                    .hasMessageContaining(
                            Deposited.class.getName() + " is a permitted AccountEvent but has no type name");
        }

        @Test
        void records_of_nested_sealed_interfaces_count_too() {
            assertThatThrownBy(() -> allBut(Closure.Frozen.class).build())
                    .hasMessageContaining(Closure.Frozen.class.getName() + " is a permitted AccountEvent");
        }

        @Test
        void a_vocabulary_that_is_not_sealed_is_not_checked_for_completeness() {
            var codec = JsonEventCodec.builder(Open.class)
                    .register("open.One", Open.One.class)
                    .build();

            assertThat(codec.typeNames()).containsExactly("open.One");
        }

        @Test
        void a_non_sealed_branch_cannot_be_enumerated_and_is_not_checked() {
            var codec = JsonEventCodec.builder(Mixed.class)
                    .register("mixed.Sealed", Mixed.Sealed.class)
                    .build();

            assertThat(codec.typeNames()).containsExactly("mixed.Sealed");
        }
    }

    @Nested
    class Names {

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\t"})
        void a_blank_name_is_refused(String name) {
            assertThatThrownBy(() ->
                            allBut(Opened.class).register(name, Opened.class).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a type name is blank");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "banking. AccountOpened",
                    " banking.AccountOpened",
                    "banking.AccountOpened\n",
                    "banking.Account\u00A0Opened",
                    "banking.\u0007Opened"
                })
        void a_name_with_whitespace_or_control_characters_is_refused(String name) {
            assertThatThrownBy(() ->
                            allBut(Opened.class).register(name, Opened.class).build())
                    .hasMessageContaining("holds whitespace or a control character");
        }

        @Test
        void a_name_registered_twice_is_refused() {
            assertThatThrownBy(() -> allBut(Deposited.class)
                            .register("banking.AccountOpened", Deposited.class)
                            .build())
                    .hasMessageContaining("type name 'banking.AccountOpened' is registered more than once");
        }

        @Test
        void names_are_case_sensitive_so_different_case_is_a_different_name() {
            var codec = JsonEventCodec.builder(Open.class)
                    .register("open.One", Open.One.class)
                    .register("open.one", Open.Two.class)
                    .build();

            assertThat(codec.decode("open.one", "{}".getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo(new Open.Two());
        }

        @Test
        void names_need_not_be_ascii() {
            var codec = JsonEventCodec.builder(Open.class)
                    .register("kasse.BestellungAufgegebenÄ", Open.One.class)
                    .build();

            assertThat(codec.encode(new Open.One()).type()).isEqualTo("kasse.BestellungAufgegebenÄ");
        }
    }

    @Nested
    class Classes {

        @Test
        void a_class_registered_twice_is_refused() {
            assertThatThrownBy(() -> allBut(Void.class)
                            .register("banking.MoneyPaidIn", Deposited.class)
                            .build())
                    .hasMessageContaining(Deposited.class.getName() + " is registered more than once");
        }

        @Test
        void an_abstract_branch_is_refused() {
            assertThatThrownBy(() -> allBut(Void.class)
                            .register("banking.Closure", Closure.class)
                            .build())
                    .hasMessageContaining(
                            Closure.class.getName() + " is abstract; register its concrete types instead");
        }

        @Test
        @SuppressWarnings({"unchecked", "rawtypes"})
        void a_class_outside_the_vocabulary_is_refused_even_through_raw_types() {
            JsonEventCodec.Builder raw = allBut(Void.class);
            raw.register("banking.Stray", String.class);

            assertThatThrownBy(raw::build)
                    .hasMessageContaining("java.lang.String is not a " + AccountEvent.class.getName());
        }

        @Test
        void nulls_are_refused_at_once() {
            var builder = JsonEventCodec.builder(AccountEvent.class);

            assertThatThrownBy(() -> builder.register(null, Opened.class)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> builder.register("banking.AccountOpened", null))
                    .isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class Reporting {

        @Test
        void an_empty_registry_is_refused() {
            assertThatThrownBy(() -> JsonEventCodec.builder(Open.class).build())
                    .hasMessageContaining("no event types registered");
        }

        @Test
        void every_problem_is_reported_at_once_one_per_line() {
            assertThatThrownBy(() -> allBut(Opened.class)
                            .register("banking.AccountFrozen", Opened.class)
                            .register("bad name", Closure.class)
                            .build())
                    .hasMessage("invalid event type registry for " + AccountEvent.class.getName() + ":\n"
                            + "  - type name 'banking.AccountFrozen' is registered more than once\n"
                            + "  - type name 'bad name' holds whitespace or a control character\n"
                            + "  - " + Closure.class.getName() + " is abstract; register its concrete types instead");
        }
    }

    /** Not sealed: anyone may implement it, so completeness cannot be known. */
    interface Open {
        record One() implements Open {}

        record Two() implements Open {}
    }

    sealed interface Mixed {
        record Sealed() implements Mixed {}

        non-sealed interface Extensible extends Mixed {}
    }
}
