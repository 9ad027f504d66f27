/**
 * The delivery context: couriers, and one delivery per accepted order. Entry types:
 * {@link dev.cairn.restaurant.delivery.domain.DeliveryDecider},
 * {@link dev.cairn.restaurant.delivery.domain.CourierDecider}, and
 * {@link dev.cairn.restaurant.delivery.domain.CourierDispatchProcess}, which pairs waiting deliveries
 * with free couriers so that a courier carries one delivery at a time.
 */
package dev.cairn.restaurant.delivery.domain;
