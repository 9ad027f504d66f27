package dev.cairn.restaurant.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.model.Rejection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ValueTypesTest {

    static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(Executable construction, String field) {
        return assertThatThrownBy(construction::execute)
                .isInstanceOfSatisfying(Rejection.class, rejection -> {
                    assertThat(rejection.kind()).isEqualTo(Rejection.Kind.INVALID);
                    assertThat(rejection.reason()).isEqualTo(Require.INVALID_FIELD);
                })
                .hasMessageStartingWith(field);
    }

    @Nested
    class A_menu_item {

        @Test
        void keeps_its_fields() {
            assertThat(new MenuItem("m1", "Soup", 0).priceCents()).isZero();
        }

        @Test
        void rejects_a_negative_price() {
            assertInvalid(() -> new MenuItem("m1", "Soup", -1), "priceCents").hasMessageContaining("was -1");
        }

        @Test
        void rejects_a_price_above_the_maximum() {
            assertInvalid(() -> new MenuItem("m1", "Soup", MenuItem.MAX_PRICE_CENTS + 1), "priceCents");
        }

        @Test
        void rejects_a_blank_name() {
            assertInvalid(() -> new MenuItem("m1", "  ", 100), "name").hasMessageContaining("blank");
        }

        @Test
        void rejects_a_missing_id() {
            assertInvalid(() -> new MenuItem(null, "Soup", 100), "menuItemId").hasMessageContaining("required");
        }

        @Test
        void rejects_control_characters_and_overlong_ids() {
            assertInvalid(() -> new MenuItem("m\n1", "Soup", 100), "menuItemId");
            assertInvalid(() -> new MenuItem("m".repeat(Require.MAX_ID_LENGTH + 1), "Soup", 100), "menuItemId");
        }
    }

    @Nested
    class A_menu {

        @Test
        void finds_its_items_by_id() {
            Menu menu = new Menu(List.of(new MenuItem("m1", "Soup", 450), new MenuItem("m2", "Bread", 200)));

            assertThat(menu.item("m2")).contains(new MenuItem("m2", "Bread", 200));
            assertThat(menu.item("m3")).isEmpty();
        }

        @Test
        void rejects_a_repeated_item_id() {
            assertInvalid(() -> new Menu(List.of(new MenuItem("m1", "Soup", 1), new MenuItem("m1", "Stew", 2))), "menu")
                    .hasMessageContaining("m1");
        }

        @Test
        void rejects_an_empty_menu_and_a_missing_entry() {
            assertInvalid(() -> new Menu(List.of()), "menu");
            assertInvalid(() -> new Menu(Arrays.asList(new MenuItem("m1", "Soup", 1), null)), "menu[1]");
        }

        @Test
        void copies_its_items() {
            List<MenuItem> items = new ArrayList<>(List.of(new MenuItem("m1", "Soup", 1)));
            Menu menu = new Menu(items);
            items.clear();

            assertThat(menu.items()).hasSize(1);
        }
    }

    @Nested
    class An_order_line {

        @Test
        void computes_its_subtotal() {
            assertThat(new OrderLine("m1", "Soup", 3, 450).subtotalCents()).isEqualTo(1350);
        }

        @Test
        void rejects_a_quantity_outside_1_to_100() {
            assertInvalid(() -> new OrderLine("m1", "Soup", 0, 450), "quantity")
                    .hasMessageContaining("between 1 and 100");
            assertInvalid(() -> new OrderLine("m1", "Soup", 101, 450), "quantity");
        }
    }

    @Nested
    class An_event {

        @Test
        void rejects_a_missing_field() {
            assertInvalid(() -> new OrderEvent.OrderRejected("o1", null), "reason");
            assertInvalid(() -> new TicketEvent.TicketAccepted("o1", "r1", null, null), "acceptedAt");
        }
    }
}
