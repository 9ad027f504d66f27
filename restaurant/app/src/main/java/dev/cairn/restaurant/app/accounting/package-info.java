/**
 * The accounting context hosted: the payment authorisation join and the reversals; no HTTP routes.
 * Entry type: {@link dev.cairn.restaurant.app.accounting.AccountingContext}.
 */
package dev.cairn.restaurant.app.accounting;
