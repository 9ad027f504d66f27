/** Measuring tools shared by the benchmarks: {@link dev.cairn.bench.measure.Latencies} and {@link dev.cairn.bench.measure.Progress}. */
package dev.cairn.bench.measure;
