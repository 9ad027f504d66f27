/**
 * The ordering context hosted: orders placed and cancelled over HTTP against its own replicas, and
 * its reactions to the other contexts. Entry type: {@link dev.cairn.restaurant.app.ordering.OrderingContext}.
 */
package dev.cairn.restaurant.app.ordering;
