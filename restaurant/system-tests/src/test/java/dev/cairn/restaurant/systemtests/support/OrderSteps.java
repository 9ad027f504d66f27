package dev.cairn.restaurant.systemtests.support;

import java.util.List;

/** The events an order's streams hold once it has settled, for the ends several tests check. */
public final class OrderSteps {

    private OrderSteps() {}

    /** Placed, verified, ticket created, paid: an approved order awaiting the kitchen. */
    public static final List<String> APPROVED = List.of(
            "ordering.OrderCreated",
            "consumers.ConsumerVerified",
            "kitchen.TicketCreated",
            "accounting.PaymentAuthorized",
            "ordering.OrderApproved",
            "kitchen.TicketConfirmed");

    /** Placed and verified, but the payment was declined ({@code tok_declined}). */
    public static final List<String> DECLINED = List.of(
            "ordering.OrderCreated",
            "consumers.ConsumerVerified",
            "kitchen.TicketCreated",
            "accounting.PaymentDeclined",
            "ordering.OrderRejected",
            "kitchen.TicketCreationRejected");
}
