/**
 * Hosting an application on a store. Entry type: {@link dev.cairn.core.hosting.StoreBackend}, what
 * an application needs from a store (log, checkpoints, hosting of processors with effects), which
 * every store module implements; {@link dev.cairn.core.hosting.HostedProcessor} is a processor as
 * one process hosts it, whole or its share of one split between processes.
 */
package dev.cairn.core.hosting;
