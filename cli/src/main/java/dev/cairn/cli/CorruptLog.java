package dev.cairn.cli;

import dev.cairn.eventstore.file.CorruptLogException;
import java.nio.file.Path;

/** What {@code cairn run} says, and exits with, when the event log fails its checks at start. */
final class CorruptLog {
    /** Distinct from picocli's 1 (failure) and 2 (usage), so supervisors can tell "do not restart me". */
    static final int EXIT_CODE = 3;

    private CorruptLog() {}

    static String refusal(CorruptLogException e, Path data) {
        return "cairn run: refusing to start: " + e.getMessage() + "\n"
                + "  file:   " + e.file() + "\n"
                + "  offset: " + e.offset() + "\n"
                + "Serving around a damaged record would lose or reorder acknowledged events, so nothing was served.\n"
                + "Next step: ./cairn repair --data " + data + "\n"
                + "  (it explains the two safe choices: restore " + data.resolve("log")
                + " from a backup, or truncate the log "
                + "at the first bad record with --truncate-at " + e.offset()
                + " --i-understand-data-loss; see docs/operations.md)";
    }
}
