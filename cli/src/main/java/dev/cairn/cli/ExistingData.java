package dev.cairn.cli;

import dev.cairn.eventstore.file.FileStoreBackend;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --data} of the commands that only read or check a log that must already be there (verify,
 * events, repair, and the bench module's read): the same option and the same refusal of a wrong
 * directory everywhere. Public for the bench module's commands.
 */
public final class ExistingData {

    @Option(
            names = "--data",
            required = true,
            description = "data directory of a file store or of ./cairn run (whose log is in <data>/log),"
                    + " or the log directory itself")
    Path data;

    /** The directory as given. */
    public Path directory() {
        return data;
    }

    /**
     * The log in it ({@link FileStoreBackend#existingLog}).
     *
     * @throws IllegalArgumentException when there is no such directory or it holds no log
     */
    public Path log() {
        return FileStoreBackend.existingLog(data);
    }
}
