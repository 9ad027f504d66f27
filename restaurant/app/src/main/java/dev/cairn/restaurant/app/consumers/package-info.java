/**
 * The consumers context hosted: registration over HTTP and the verification of every new order.
 * Entry type: {@link dev.cairn.restaurant.app.consumers.ConsumersContext}; its read side answers
 * {@link dev.cairn.restaurant.app.consumers.FindConsumer}.
 */
package dev.cairn.restaurant.app.consumers;
