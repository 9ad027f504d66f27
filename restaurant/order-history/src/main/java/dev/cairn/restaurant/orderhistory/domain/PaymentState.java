package dev.cairn.restaurant.orderhistory.domain;

/** What became of an order's payment. The names are the HTTP contract's (restaurant.md, OrderView). */
public enum PaymentState {
    AUTHORIZED,
    DECLINED,
    REVERSED,
    CAPTURED
}
