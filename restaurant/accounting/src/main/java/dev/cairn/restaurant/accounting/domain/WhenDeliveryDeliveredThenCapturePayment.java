package dev.cairn.restaurant.accounting.domain;

import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryDelivered;
import dev.cairn.restaurant.contracts.OnEvent;

/** DeliveryDelivered → {@link PaymentCommand.CapturePayment} (payment {@code CAPTURED}). */
public final class WhenDeliveryDeliveredThenCapturePayment extends OnEvent<PaymentCommand> {

    public WhenDeliveryDeliveredThenCapturePayment() {
        super(DeliveryDelivered.class, delivered -> new PaymentCommand.CapturePayment(delivered.orderId()));
    }
}
