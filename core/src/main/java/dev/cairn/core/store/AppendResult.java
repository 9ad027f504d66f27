package dev.cairn.core.store;

/**
 * What an append did.
 *
 * @param streamId     the stream appended to
 * @param firstVersion the version of the first appended event
 * @param lastVersion  the stream's version after the append
 * @param lastPosition the global position of the last appended event
 * @param duplicate    true when every event was already there (an idempotent retry): nothing was
 *                     appended and the versions and position are those of the first append
 */
public record AppendResult(
        String streamId, long firstVersion, long lastVersion, long lastPosition, boolean duplicate) {}
