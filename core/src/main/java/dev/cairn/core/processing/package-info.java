/**
 * Processors: tracking consumers of the log with durable checkpoints. Entry type:
 * {@link dev.cairn.core.processing.TrackingProcessor}; typed building blocks on top of it are
 * {@link dev.cairn.core.processing.Projection} (read models),
 * {@link dev.cairn.core.processing.Reaction} (choreography) and
 * {@link dev.cairn.core.processing.ProcessManager} (event joins, orchestration), wired by
 * {@link dev.cairn.core.processing.Processors}.
 */
package dev.cairn.core.processing;
