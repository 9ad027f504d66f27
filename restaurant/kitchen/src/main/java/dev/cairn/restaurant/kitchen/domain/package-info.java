/**
 * The kitchen context: one ticket per order, from creation to pickup. Entry type:
 * {@link dev.cairn.restaurant.kitchen.domain.TicketDecider}; its reactions to orders, payments and
 * deliveries are grouped in {@link dev.cairn.restaurant.kitchen.domain.KitchenReactions}.
 */
package dev.cairn.restaurant.kitchen.domain;
