/**
 * The embedded durable event log, Cairn's default store. Entry type:
 * {@link dev.cairn.eventstore.file.FileEventStore}; {@link dev.cairn.eventstore.file.FileStoreVerifier}
 * checks a closed data directory. The on-disk format is described in the module's FORMAT.md.
 */
package dev.cairn.eventstore.file;
