/**
 * {@code cairn bench compare} (issue 6): {@link dev.cairn.bench.compare.Compare#run} runs the
 * workloads W1–W4 on Cairn and on its peers (Axon Framework, SQLite, RocksDB, PostgreSQL through
 * JDBC) with the physical references, and returns the {@link dev.cairn.bench.compare.Report}.
 * Workloads: {@code CommandHandling}, {@code Appends}, {@code Replay}, {@code EndToEnd}; the
 * systems each runs on: {@code Lineup}; the peers as event stores: {@code PeerEventLog}.
 */
package dev.cairn.bench.compare;
