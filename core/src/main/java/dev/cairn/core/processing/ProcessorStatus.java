package dev.cairn.core.processing;

/**
 * A processor's progress.
 *
 * @param name     the processor's name (also its checkpoint key)
 * @param position the last log position it has processed
 * @param lag      how far the log's head is ahead of it, in positions
 * @param parked   how many events it parked
 * @param running  whether it is running
 */
public record ProcessorStatus(String name, long position, long lag, int parked, boolean running) {}
