package dev.cairn.bench.cli;

import dev.cairn.bench.orders.OrderDriver;
import dev.cairn.cli.AuthKeys;
import dev.cairn.cli.UserError;
import dev.cairn.http.InstallationKey;
import dev.cairn.restaurant.app.auth.Roles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Drives complete orders over HTTP, from {@code POST /api/orders} to the order-history view
 * showing {@code APPROVED} on {@code /api/stream}: the whole choreography (verification, ticket,
 * payment join, approval) and the query side, as a client sees it. The driving logic is
 * {@link OrderDriver}, which {@code bench compare} also uses for W4.
 */
@Command(
        name = "orders",
        mixinStandardHelpOptions = true,
        description =
                "Drive orders over HTTP from POST to APPROVED; last line JSON with orders_per_sec, p50_ms, p99_ms.")
final class BenchOrders implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--orders", description = "orders to place (default ${DEFAULT-VALUE})")
    int orders = 20_000;

    @Option(names = "--concurrency", description = "orders in flight at once (default ${DEFAULT-VALUE})")
    int concurrency = 64;

    @Option(
            names = "--rate",
            description = "orders per second to offer (open loop); 0 means as fast as the in-flight limit allows")
    double rate = 0;

    @Option(names = "--warmup", description = "orders placed before measuring (default ${DEFAULT-VALUE})")
    int warmup = 2_000;

    @Option(names = "--url", description = "base URL of a running system (default ${DEFAULT-VALUE})")
    URI url = URI.create("http://127.0.0.1:8080");

    @Option(names = "--token", description = "an admin's bearer token (e.g. from ./cairn token)")
    String token;

    @Option(
            names = "--data",
            description = "or: the data directory of the system, whose key signs an admin token for the run")
    Path data;

    @Option(names = "--auth-key", description = "or: the key file the system was started with (--auth-key)")
    Path authKey;

    @Override
    public void run() {
        if (orders < 1 || concurrency < 1 || warmup < 0 || rate < 0) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--orders and --concurrency must be positive, --warmup and --rate not negative");
        }
        // No time limit: the command measures the orders it was asked for, however long they take.
        OrderDriver.Options options =
                new OrderDriver.Options(url, orders, concurrency, rate, warmup, Duration.ofDays(1), adminToken());
        System.out.println(OrderDriver.run(options).toJson());
    }

    private String adminToken() {
        if (token != null) {
            return token;
        }
        if (data == null && authKey == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "an admin token is needed: --token TOKEN, or --data DIR or --auth-key FILE to sign one");
        }
        Path file = AuthKeys.file(data, authKey);
        if (!Files.isRegularFile(file)) {
            throw new UserError("no installation key at " + file
                    + (authKey != null ? "" : ": is " + data + " the --data of the server?"));
        }
        try {
            return InstallationKey.load(file)
                    .issue("bench", Roles.ADMIN, Optional.empty(), Duration.ofHours(24), Instant.now());
        } catch (IOException e) {
            throw new UserError("cannot read the installation key " + file + ": " + e.getMessage(), e);
        }
    }
}
