/**
 * The order-history context: the query side everyone watches. Entry types:
 * {@link dev.cairn.restaurant.orderhistory.domain.OrderView} (the contract's JSON shape),
 * {@link dev.cairn.restaurant.orderhistory.domain.OrderHistoryProjection} (its pure evolution from
 * every context's events) and {@link dev.cairn.restaurant.orderhistory.domain.OrderHistory} (an
 * in-memory index answering {@link dev.cairn.restaurant.orderhistory.domain.FindOrder} and
 * {@link dev.cairn.restaurant.orderhistory.domain.FindOrdersOfConsumer}).
 */
package dev.cairn.restaurant.orderhistory.domain;
