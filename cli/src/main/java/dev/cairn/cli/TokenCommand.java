package dev.cairn.cli;

import dev.cairn.http.InstallationKey;
import dev.cairn.restaurant.app.auth.Roles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Prints one token signed by the installation key (created when missing). */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Print a bearer token signed by the installation's key (created in <data>/auth/ when missing).")
final class TokenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", description = "data directory whose key signs (default ${DEFAULT-VALUE})")
    Path data = Path.of("cairn-data");

    @Option(names = "--auth-key", description = "the key file shared by several processes, instead of <data>/auth/")
    Path authKey;

    @Option(names = "--role", description = "admin, consumer, restaurant or courier (default ${DEFAULT-VALUE})")
    String role = Roles.ADMIN;

    @Option(names = "--id", description = "the consumer, restaurant or courier the token acts for (not for admin)")
    String id;

    @Option(names = "--subject", description = "the token's sub (default: the id, or 'admin')")
    String subject;

    @Option(
            names = "--ttl",
            description = "how long the token is valid, ISO-8601 (default ${DEFAULT-VALUE}; at most PT24H)")
    Duration ttl = Duration.ofHours(8);

    @Override
    public Integer call() throws Exception {
        boolean admin = role.equals(Roles.ADMIN);
        if (!admin && !role.equals(Roles.CONSUMER) && !role.equals(Roles.RESTAURANT) && !role.equals(Roles.COURIER)) {
            throw new ParameterException(
                    spec.commandLine(), "--role must be admin, consumer, restaurant or courier, was '" + role + "'");
        }
        if (admin == (id != null)) {
            throw new ParameterException(
                    spec.commandLine(), admin ? "--id is not for the role admin" : "--role " + role + " needs --id");
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofHours(24)) > 0) {
            throw new ParameterException(spec.commandLine(), "--ttl must be from PT1S to PT24H, was " + ttl);
        }
        if (authKey == null && !Files.isDirectory(data)) {
            // A token signed by a key no server trusts would only fail later, with a 401.
            throw new UserError("no data directory " + data
                    + ": give the --data of the server (./cairn run creates it and its key)," + " or --auth-key FILE");
        }
        InstallationKey key = AuthKeys.loadOrCreate(data, authKey);
        String sub = subject != null ? subject : admin ? "admin" : id;
        System.out.println(key.issue(sub, role, Optional.ofNullable(id), ttl, Instant.now()));
        return 0;
    }
}
