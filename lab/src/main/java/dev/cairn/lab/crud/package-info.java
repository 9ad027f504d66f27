/**
 * The {@code crud-monolith} style of the styles lab: {@link dev.cairn.lab.crud.CrudMonolith}, one
 * service and one database, one ACID transaction per order, rows updated in place.
 */
package dev.cairn.lab.crud;
