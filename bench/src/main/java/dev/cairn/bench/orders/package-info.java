/** End-to-end load on the restaurant system over HTTP: {@link dev.cairn.bench.orders.OrderDriver}. */
package dev.cairn.bench.orders;
