/**
 * What the two SQL styles (CRUD, synchronous orchestration) share: a run whose facts and history
 * are read from rows by the lab's own reader and whose journey is the {@link dev.cairn.lab.Trace}
 * ({@link dev.cairn.lab.relational.SqlRun}), how rows updated in place read as facts and history
 * ({@link dev.cairn.lab.relational.RowStates}), and the JDBC helpers both write with.
 */
package dev.cairn.lab.relational;
