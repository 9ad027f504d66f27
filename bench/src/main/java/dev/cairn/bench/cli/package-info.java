/**
 * The {@code cairn bench} commands: {@link dev.cairn.bench.cli.Bench} is their main, which
 * {@code ./cairn bench …} runs on the bench module's classpath.
 */
package dev.cairn.bench.cli;
