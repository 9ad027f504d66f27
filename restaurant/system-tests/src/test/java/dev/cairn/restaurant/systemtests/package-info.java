/**
 * End-to-end tests of the restaurant system over real HTTP, against the binding contract in
 * {@code restaurant.md}: {@link dev.cairn.restaurant.systemtests.OrderFlowsTest} (every flow),
 * {@link dev.cairn.restaurant.systemtests.BadInputTest} (every error and bad input, nothing appended),
 * {@link dev.cairn.restaurant.systemtests.QueriesTest} and {@link dev.cairn.restaurant.systemtests.OrderListingTest}
 * (the read side), {@link dev.cairn.restaurant.systemtests.StoreOutageTest},
 * {@link dev.cairn.restaurant.systemtests.RestartTest} (SIGKILL of {@code cairn run} with orders in flight) and
 * {@link dev.cairn.restaurant.systemtests.RedeliveryTest} (every processor replayed from zero).
 * The helpers in {@code support} speak only HTTP, except {@code TestSystem}'s handle on processors.
 */
package dev.cairn.restaurant.systemtests;
