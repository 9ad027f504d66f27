package dev.cairn.restaurant.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TypeNamesTest {

    @Test
    void names_every_published_event_record_exactly_once() {
        List<Class<?>> records = new ArrayList<>();
        for (Class<?> vocabulary : PublishedEvent.class.getPermittedSubclasses()) {
            records.addAll(List.of(vocabulary.getPermittedSubclasses()));
        }

        assertThat(TypeNames.all().values())
                .containsExactlyInAnyOrderElementsOf(records.stream()
                        .map(type -> type.asSubclass(PublishedEvent.class))
                        .toList());
        assertThat(new HashSet<>(TypeNames.all().values()))
                .hasSameSizeAs(TypeNames.all().values());
    }

    @Test
    void a_name_is_the_context_and_the_record_name() {
        Set<String> contexts = Set.of("consumers", "restaurants", "ordering", "kitchen", "accounting", "delivery");
        TypeNames.all().forEach((name, type) -> {
            String[] parts = name.split("\\.");
            assertThat(parts).hasSize(2);
            assertThat(contexts).contains(parts[0]);
            assertThat(parts[1]).isEqualTo(type.getSimpleName());
        });
        assertThat(TypeNames.of(OrderEvent.OrderCreated.class)).isEqualTo("ordering.OrderCreated");
    }

    @Test
    void within_a_vocabulary_lists_only_its_events() {
        assertThat(TypeNames.within(PaymentEvent.class))
                .containsOnlyKeys(
                        "accounting.PaymentAuthorized",
                        "accounting.PaymentDeclined",
                        "accounting.PaymentReversed",
                        "accounting.PaymentCaptured");
        assertThat(TypeNames.within(PublishedEvent.class)).isEqualTo(TypeNames.all());
    }

    @Test
    void refuses_a_class_without_a_name() {
        assertThatThrownBy(() -> TypeNames.of(PublishedEvent.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
