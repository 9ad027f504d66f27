/**
 * The {@code sync-orchestration} style of the styles lab: {@link dev.cairn.lab.sync.SyncOrchestration},
 * four HTTP services with a database each, the order service calling the others inside the client's request.
 */
package dev.cairn.lab.sync;
