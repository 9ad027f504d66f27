package dev.cairn.eventstore.file;

import dev.cairn.core.store.EventStoreUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a data directory: every segment header, every record's CRC32Cs,
 * that positions run 1, 2, 3… and versions 0, 1, 2… per stream, that no append is cut short,
 * that the checkpoint points at the end of a record, and that the entry index and the table
 * snapshots agree with the log. Reads everything; opens every file read-only, takes no lock and
 * changes no byte, so it also runs while a store has the directory open: the end of the last
 * segment, which such a store may be writing, is then checked only up to its last whole append.
 *
 * <pre>{@code
 * VerificationReport report = FileStoreVerifier.verify(Path.of("data"));
 * if (!report.ok()) System.err.println(report.problem() + " in " + report.file() + " at " + report.offset());
 * }</pre>
 */
public final class FileStoreVerifier {
    private FileStoreVerifier() {}

    /**
     * @throws EventStoreUnavailableException when the directory cannot be read
     */
    public static VerificationReport verify(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return new VerificationReport(0, 0, 0, false, "not a directory", dataDir, -1);
        }
        DataDir dir = DataDir.unlocked(dataDir);
        try {
            return new Verification(dir, DataDir.inUse(dataDir)).run();
        } catch (CorruptLogException e) {
            return new VerificationReport(0, 0, 0, false, e.getMessage(), e.file(), e.offset());
        } catch (IOException e) {
            throw new EventStoreUnavailableException("cannot read " + dataDir + ": " + e, e);
        } finally {
            dir.close();
        }
    }
}
