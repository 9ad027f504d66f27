package dev.cairn.lab.async;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.codec.EncodedEvent;
import dev.cairn.core.codec.EventCodec;
import dev.cairn.restaurant.contracts.OrderLine;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceMessageTest {

    private final EventCodec<ServiceMessage> codec = ServiceMessage.codec();

    @Test
    void every_message_is_stored_under_its_stable_name_and_reads_back_equal() {
        List<ServiceMessage> messages = List.of(
                new ServiceMessage.VerifyConsumer("o-1", "c-1"),
                new ServiceMessage.CreateTicket("o-1", "r-1", List.of(new OrderLine("dish", "Dish", 2, 500))),
                new ServiceMessage.ConfirmTicket("o-1"),
                new ServiceMessage.RejectTicket("o-1", OrderRejectionReason.PAYMENT_DECLINED),
                new ServiceMessage.AuthorizePayment("o-1", "c-1", 1_000, "tok_visa"));
        for (ServiceMessage message : messages) {
            EncodedEvent encoded = codec.encode(message);
            assertThat(encoded.type())
                    .isEqualTo("lab.async." + message.getClass().getSimpleName());
            assertThat(codec.decode(encoded.type(), encoded.data())).isEqualTo(message);
        }
        assertThat(codec.typeNames()).hasSize(messages.size());
    }

    @Test
    void each_message_goes_to_the_inbox_of_the_service_it_addresses() {
        assertThat(new ServiceMessage.VerifyConsumer("o-1", "c-1").streamId()).isEqualTo("inbox.consumer-o-1");
        assertThat(new ServiceMessage.ConfirmTicket("o-1").streamId()).isEqualTo("inbox.kitchen-o-1");
        assertThat(new ServiceMessage.AuthorizePayment("o-1", "c-1", 1, "t").streamId())
                .isEqualTo("inbox.accounting-o-1");
    }
}
