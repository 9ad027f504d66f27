/**
 * The order-history context hosted: the in-memory view of every order behind the order queries and
 * {@code /api/stream}, with its optional local snapshot and its staleness. Entry type:
 * {@link dev.cairn.restaurant.app.orderhistory.OrderHistoryContext}.
 */
package dev.cairn.restaurant.app.orderhistory;
