package dev.cairn.restaurant.contracts;

/**
 * Every fact one context publishes for the others. Sealed so that a reaction or a view that must
 * handle every event breaks at compile time when a new one is added. Each context's vocabulary is
 * one sealed interface with nested records; all live in this package because a sealed hierarchy
 * cannot span packages outside a named module.
 */
public sealed interface PublishedEvent
        permits ConsumerEvent, RestaurantEvent, OrderEvent, TicketEvent, PaymentEvent, DeliveryEvent, CourierEvent {}
