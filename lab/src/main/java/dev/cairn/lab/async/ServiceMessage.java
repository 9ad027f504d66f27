package dev.cairn.lab.async;

import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.store.StreamIds;
import dev.cairn.json.JsonEventCodec;
import dev.cairn.restaurant.contracts.OrderLine;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import java.util.List;
import java.util.Objects;

/**
 * The commands the order service's saga sends as messages on the log: each is appended to the
 * addressed service's inbox stream for the order ({@code inbox.kitchen-<orderId>}, …), and only
 * that service reads it. The services answer with the events of their own streams.
 */
public sealed interface ServiceMessage {

    String orderId();

    /** The stream category the addressed service reads: its inbox. */
    String inbox();

    /** The inbox stream of this message's order. */
    default String streamId() {
        return StreamIds.of(inbox(), orderId());
    }

    /** Messages to the consumer service. */
    sealed interface ToConsumer extends ServiceMessage {
        String INBOX = "inbox.consumer";

        @Override
        default String inbox() {
            return INBOX;
        }
    }

    /** Messages to the kitchen service. */
    sealed interface ToKitchen extends ServiceMessage {
        String INBOX = "inbox.kitchen";

        @Override
        default String inbox() {
            return INBOX;
        }
    }

    /** Messages to the accounting service. */
    sealed interface ToAccounting extends ServiceMessage {
        String INBOX = "inbox.accounting";

        @Override
        default String inbox() {
            return INBOX;
        }
    }

    /** Vouch for the order's consumer. */
    record VerifyConsumer(String orderId, String consumerId) implements ToConsumer {
        public VerifyConsumer {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(consumerId, "consumerId");
        }
    }

    /** Open a ticket for the order, pending its payment. */
    record CreateTicket(String orderId, String restaurantId, List<OrderLine> lines) implements ToKitchen {
        public CreateTicket {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(restaurantId, "restaurantId");
            lines = List.copyOf(lines);
        }
    }

    /** The order is paid for: the ticket may be accepted. */
    record ConfirmTicket(String orderId) implements ToKitchen {
        public ConfirmTicket {
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /** Compensation: the order was rejected after its ticket was created. */
    record RejectTicket(String orderId, OrderRejectionReason reason) implements ToKitchen {
        public RejectTicket {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Authorise the order's total on its payment token. */
    record AuthorizePayment(String orderId, String consumerId, long amountCents, String paymentToken)
            implements ToAccounting {
        public AuthorizePayment {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(consumerId, "consumerId");
            Objects.requireNonNull(paymentToken, "paymentToken");
        }
    }

    /** The messages under their stable type names. */
    static EventCodec<ServiceMessage> codec() {
        return JsonEventCodec.builder(ServiceMessage.class)
                .register("lab.async.VerifyConsumer", VerifyConsumer.class)
                .register("lab.async.CreateTicket", CreateTicket.class)
                .register("lab.async.ConfirmTicket", ConfirmTicket.class)
                .register("lab.async.RejectTicket", RejectTicket.class)
                .register("lab.async.AuthorizePayment", AuthorizePayment.class)
                .build();
    }
}
