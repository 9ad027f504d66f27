package dev.cairn.eventstore.file;

/** What recovery hands the store: the log's files and indexes, consistent up to {@code head}. */
record OpenedLog(
        SegmentList segments, EntryIndex entries, StreamTable streams, IdTable ids, long head, long endOffset) {}
