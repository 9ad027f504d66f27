/**
 * The accounting context: one payment authorisation per order. Entry types:
 * {@link dev.cairn.restaurant.accounting.domain.PaymentDecider}, the event join
 * {@link dev.cairn.restaurant.accounting.domain.PaymentAuthorizationProcess} that asks for the
 * authorisation once the order, its consumer and its ticket are all known, and the refunds in
 * {@link dev.cairn.restaurant.accounting.domain.AccountingReactions}.
 */
package dev.cairn.restaurant.accounting.domain;
