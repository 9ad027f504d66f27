package dev.cairn.cli;

import dev.cairn.eventstore.file.FileEventStore;
import dev.cairn.eventstore.file.FileStoreBackend;
import dev.cairn.eventstore.file.FileStoreRepair;
import dev.cairn.eventstore.file.FileStoreVerifier;
import dev.cairn.eventstore.file.ReadOnlyLog;
import dev.cairn.eventstore.file.VerificationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Explains a damaged log and, only when told exactly what to do, does it. Without options it
 * changes nothing: it verifies and prints the safe choices. Truncating needs the offset of the
 * first damaged record and {@code --i-understand-data-loss}.
 */
@Command(
        name = "repair",
        mixinStandardHelpOptions = true,
        description =
                "Explain a damaged event log and the safe choices; truncate only with --truncate-at OFFSET --i-understand-data-loss.")
final class RepairCommand implements Callable<Integer> {

    @Mixin
    ExistingData data;

    @Option(names = "--truncate-at", description = "cut the log at this byte offset of the first damaged record")
    Long truncateAt;

    @Option(
            names = "--i-understand-data-loss",
            description = "required with --truncate-at: every event from that record on is lost")
    boolean understood;

    @Override
    public Integer call() throws IOException {
        Path log = data.log();
        if (ReadOnlyLog.inUse(log)) {
            System.err.println("A server holds " + log + ": stop it first (repair never changes a log in use).");
            return 1;
        }
        VerificationReport report = FileStoreVerifier.verify(log);
        if (report.ok()) {
            System.out.printf(
                    "The event log in %s verifies (%d events in %d segments): nothing to repair.%n",
                    log, report.events(), report.segments());
            return 0;
        }
        if (truncateAt == null || !understood) {
            explain(log, report);
            return truncateAt == null ? 1 : 2;
        }
        FileStoreRepair.Truncated done;
        try {
            done = FileStoreRepair.truncateAt(log, truncateAt);
        } catch (IllegalArgumentException refused) {
            System.err.println("Nothing was changed: " + refused.getMessage());
            return 2;
        }
        long head;
        try (FileEventStore reopened = FileEventStore.open(log)) {
            head = reopened.headPosition();
        }
        int lowered = lowerCheckpoints(data.directory().resolve(FileStoreBackend.CHECKPOINTS), head);
        System.out.printf(
                "Truncated %s at offset %d: %d bytes and %d later segments dropped; the log now holds %d events "
                        + "(indexes rebuilt)%s.%n",
                done.segment(),
                done.offset(),
                done.bytesDropped(),
                done.segmentsDeleted(),
                head,
                lowered > 0 ? "; " + lowered + " processor checkpoints beyond it were set back to " + head : "");
        return 0;
    }

    private static void explain(Path log, VerificationReport report) {
        System.out.printf("""
                The event log in %s is damaged:
                  %s
                  file:   %s
                  offset: %d
                Nothing was changed. The safe choices:
                  1. Restore %s from a backup taken before the damage (keeps every event the backup holds), then ./cairn run.
                  2. Cut the log at the damaged record; every event from it on is LOST (orders acknowledged after it included):
                       ./cairn repair --data %s --truncate-at %d --i-understand-data-loss
                     Processors' checkpoints beyond the new end are set back; views are rebuilt when the server starts.
                Keep a copy of the directory before choosing 2 (cp -a).
                """, log, report.problem(), report.file(), report.offset(), log, log, report.offset());
    }

    /** Processor checkpoints past the new end would skip the events appended next. */
    private static int lowerCheckpoints(Path checkpoints, long head) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return 0;
        }
        int lowered = 0;
        try (Stream<Path> files = Files.list(checkpoints)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".checkpoint"))
                    .toList()) {
                String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
                if (Long.parseLong(text) > head) {
                    Files.writeString(file, Long.toString(head), StandardCharsets.US_ASCII);
                    lowered++;
                }
            }
        }
        return lowered;
    }
}
