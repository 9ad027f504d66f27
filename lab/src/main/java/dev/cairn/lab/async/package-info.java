/**
 * The asynchronous orchestration style: order, consumer, kitchen and accounting services,
 * event-sourced on one log that is also their message bus; the order service's
 * {@link dev.cairn.lab.async.CreateOrderSaga} sends {@link dev.cairn.lab.async.ServiceMessage}s to the others and
 * reacts to their replies. {@link dev.cairn.lab.async.AsyncOrchestration} is the entry.
 */
package dev.cairn.lab.async;
