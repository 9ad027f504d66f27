/**
 * Tools shared by the benchmarks: {@link dev.cairn.bench.measure.Latencies}, {@link
 * dev.cairn.bench.measure.Progress} and the {@link dev.cairn.bench.measure.ScratchDirectory} their
 * stores are written to.
 */
package dev.cairn.bench.measure;
