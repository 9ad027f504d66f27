package dev.cairn.cli;

import dev.cairn.http.InstallationKey;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the installation key of a command line is: {@code --auth-key FILE}, else under {@code --data}.
 * Public for the bench module's {@code orders}, which signs its admin token with the same key.
 */
public final class AuthKeys {

    private AuthKeys() {}

    /** The key file: {@code authKey} when given, else the one in the data directory {@code data}. */
    public static Path file(Path data, Path authKey) {
        return authKey != null ? authKey : data.resolve(InstallationKey.FILE_IN_DATA);
    }

    /** The key, created (mode 0600) when missing. */
    static InstallationKey loadOrCreate(Path data, Path authKey) throws IOException {
        return InstallationKey.loadOrCreate(file(data, authKey));
    }
}
