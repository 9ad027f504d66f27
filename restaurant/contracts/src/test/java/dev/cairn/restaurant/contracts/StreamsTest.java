package dev.cairn.restaurant.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.store.StreamIds;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamsTest {

    private static final String UUID_ID = "3f2b8c1e-6d4a-4b7e-9c0d-1a2b3c4d5e6f";

    @Test
    void the_category_is_the_part_before_the_first_dash_even_for_uuid_ids() {
        assertThat(StreamIds.category(Streams.order(UUID_ID))).isEqualTo("order");
        assertThat(StreamIds.category(Streams.ticket(UUID_ID))).isEqualTo("ticket");
        assertThat(StreamIds.category(Streams.courier(UUID_ID))).isEqualTo("courier");
        assertThat(Streams.order(UUID_ID)).isEqualTo("order-" + UUID_ID);
    }

    @Test
    void streams_of_one_order_differ_only_by_category() {
        List<String> streams = List.of(
                Streams.order(UUID_ID),
                Streams.ticket(UUID_ID),
                Streams.verification(UUID_ID),
                Streams.payment(UUID_ID),
                Streams.delivery(UUID_ID));

        assertThat(streams)
                .doesNotHaveDuplicates()
                .allSatisfy(stream -> assertThat(stream).endsWith("-" + UUID_ID));
    }

    @Test
    void categories_hold_no_dash() {
        assertThat(List.of(
                        Streams.CONSUMER,
                        Streams.VERIFICATION,
                        Streams.RESTAURANT,
                        Streams.ORDER,
                        Streams.TICKET,
                        Streams.PAYMENT,
                        Streams.DELIVERY,
                        Streams.COURIER))
                .noneMatch(category -> category.contains("-"));
        assertThat(Streams.consumer("c")).isEqualTo("consumer-c");
        assertThat(Streams.restaurant("r")).isEqualTo("restaurant-r");
    }
}
