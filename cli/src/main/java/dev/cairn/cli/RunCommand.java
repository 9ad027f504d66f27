package dev.cairn.cli;

import dev.cairn.core.hosting.StoreBackend;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.eventstore.file.CorruptLogException;
import dev.cairn.eventstore.file.FileStoreBackend;
import dev.cairn.eventstore.postgres.Partitions;
import dev.cairn.eventstore.postgres.PgUrl;
import dev.cairn.eventstore.postgres.PostgresBackend;
import dev.cairn.eventstore.postgres.PostgresEventStore;
import dev.cairn.http.BearerTokens;
import dev.cairn.http.InstallationKey;
import dev.cairn.restaurant.app.ContextName;
import dev.cairn.restaurant.app.Infrastructure;
import dev.cairn.restaurant.app.RestaurantSystem;
import dev.cairn.restaurant.app.Storefront;
import dev.cairn.restaurant.app.auth.Roles;
import dev.cairn.restaurant.app.auth.Security;
import dev.cairn.restaurant.app.simulation.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Serves the restaurant system: every context (or those named) behind one HTTP server. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description =
                "Serve the restaurant system (HTTP API and web page) on the embedded store, or any subset of its contexts"
                        + " on PostgreSQL, where several processes share the work.")
final class RunCommand implements Callable<Integer> {

    private static final Duration SIGN_IN_TTL = Duration.ofHours(8);

    @Option(names = "--port", description = "HTTP port (default ${DEFAULT-VALUE})")
    int port = 8080;

    @Option(names = "--host", description = "address to listen on (default ${DEFAULT-VALUE})")
    String host = "127.0.0.1";

    @Option(
            names = "--data",
            description = "data directory of the file store; with --store postgres, where order-history"
                    + " keeps its local snapshot (default ${DEFAULT-VALUE})")
    Path data = Path.of("cairn-data");

    @Option(names = "--store", description = "file, memory or postgres (default ${DEFAULT-VALUE})")
    StoreKind store = StoreKind.file;

    @Option(
            names = "--pg-url",
            description =
                    "JDBC URL of PostgreSQL for --store postgres, e.g. jdbc:postgresql://127.0.0.1:5432/cairn?user=postgres;"
                            + " the schema is created when missing")
    String pgUrl;

    @Option(
            names = "--partitions",
            description = "with --store postgres: partitions of each shared reaction and process manager;"
                    + " every process must use the same number (default ${DEFAULT-VALUE})")
    int partitions = PostgresBackend.DEFAULT_PARTITIONS;

    @Option(
            names = "--contexts",
            description = "comma-separated contexts to run (default: all of ${COMPLETION-CANDIDATES})",
            completionCandidates = ContextLabels.class)
    String contexts;

    @Option(
            names = "--lab-results",
            description =
                    "where `cairn lab` wrote its report, shown on the page's Styles lab tab (default ${DEFAULT-VALUE})")
    Path labResults = Path.of("lab-results");

    @Option(names = "--simulate", description = "kitchen staff and couriers act on their own after short delays")
    boolean simulate;

    @Option(names = "--simulation-pace", description = "delay before each simulated step (default ${DEFAULT-VALUE})")
    Duration pace = Duration.ofMillis(1500);

    @Option(
            names = "--auth-key",
            description = "the installation key file several processes share (created mode 0600 when missing);"
                    + " default <data>/auth/installation-key.jwk")
    Path authKey;

    @Option(
            names = "--oidc-issuer",
            description = "trust the tokens of this OpenID Connect provider (its JWKS) instead of the installation key")
    URI oidcIssuer;

    @Option(
            names = "--role-claim",
            description = "with --oidc-issuer: the claim holding the role (default ${DEFAULT-VALUE})")
    String roleClaim = "role";

    @Option(
            names = "--id-claim",
            description =
                    "with --oidc-issuer: the claim holding the consumer, restaurant or courier id (default ${DEFAULT-VALUE})")
    String idClaim = "id";

    @Option(
            names = "--cors-origin",
            description = "the one origin browsers may call the API from; without it no CORS header is sent")
    String corsOrigin;

    @Option(
            names = "--rate-limit",
            description = "requests a second per principal before 429 (default ${DEFAULT-VALUE}: no limit)")
    int rateLimit;

    @Option(
            names = "--currency",
            description = "ISO 4217 code of the currency prices are in, shown by the page (default ${DEFAULT-VALUE})")
    String currency = "EUR";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Running running;
        try {
            running = start();
        } catch (CorruptLogException corrupt) {
            System.err.println(CorruptLog.refusal(corrupt, data));
            return CorruptLog.EXIT_CODE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            running.close();
                            stopped.countDown();
                        },
                        "cairn-shutdown"));
        stopped.await();
        return 0;
    }

    /** A started system and what it owns; closing it stops them in order. */
    record Running(RestaurantSystem system, StoreBackend backend, Simulation simulation) implements AutoCloseable {
        @Override
        public void close() {
            if (simulation != null) {
                simulation.close();
            }
            system.close();
            backend.close();
        }
    }

    /** Everything {@code run} does before it waits for the end: what a test starts to see the command's wiring. */
    Running start() throws IOException {
        Set<ContextName> names = ContextName.parse(contexts);
        checkOptions();
        StoreBackend backend = openStore();
        try {
            return serve(names, backend);
        } catch (RuntimeException | IOException e) {
            backend.close();
            throw e;
        }
    }

    private Running serve(Set<ContextName> names, StoreBackend backend) throws IOException {
        // Shared by every process on the database: order-history keeps a local snapshot to answer from.
        Infrastructure infra = store == StoreKind.postgres
                ? Infrastructure.of(backend).withSnapshots(data)
                : Infrastructure.of(backend);
        InstallationKey key = AuthKeys.loadOrCreate(data, authKey);
        Storefront storefront = Storefront.of(currency, simulate);
        RestaurantSystem system = start(infra, names, security(key), storefront);
        String admin = key.issue("admin", Roles.ADMIN, Optional.empty(), SIGN_IN_TTL, Instant.now());
        Simulation simulation = simulate
                ? Simulation.start(
                        system.uri(),
                        pace,
                        key.issue("simulation", Roles.ADMIN, Optional.empty(), Duration.ofDays(365), Instant.now()),
                        storefront.simulationOn())
                : null;
        System.err.printf(
                "Cairn restaurant system at http://%s:%d/ (%s store%s; contexts %s)%s%n",
                host.equals("0.0.0.0") ? "localhost" : host,
                system.port(),
                store,
                store == StoreKind.file
                        ? " in " + data.toAbsolutePath()
                        : store == StoreKind.postgres
                                ? " at " + PgUrl.masked(pgUrl) + ", " + partitions
                                        + " partitions per shared processor, snapshots in " + data.toAbsolutePath()
                                : "",
                names,
                simulate ? "; simulating kitchen and couriers" : "");
        if (oidcIssuer == null) {
            System.out.printf(
                    "Sign in as the admin (valid %d h): http://%s:%d/#token=%s%n",
                    SIGN_IN_TTL.toHours(), host.equals("0.0.0.0") ? "localhost" : host, system.port(), admin);
            System.out.flush();
        }
        return new Running(system, backend, simulation);
    }

    private Security security(InstallationKey key) throws IOException {
        Security security = oidcIssuer == null
                ? Security.of(key)
                : new Security(
                        BearerTokens.oidc(oidcIssuer, roleClaim, idClaim), Optional.empty(), Optional.empty(), 0);
        if (corsOrigin != null) {
            security = security.withCorsOrigin(corsOrigin);
        }
        return security.withRateLimit(rateLimit);
    }

    private void checkOptions() {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be from 0 to 65535, was " + port);
        }
        if (partitions < 1 || partitions > Partitions.MAX_PARTITIONS) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--partitions must be from 1 to " + Partitions.MAX_PARTITIONS + ", was " + partitions);
        }
        if (store == StoreKind.postgres && (pgUrl == null || pgUrl.isBlank())) {
            throw new ParameterException(spec.commandLine(), "--store postgres needs --pg-url");
        }
    }

    /** The store the command line chose; every store brings its own checkpoints and way of hosting processors. */
    private StoreBackend openStore() {
        return switch (store) {
            case memory -> StoreBackend.inMemory();
            // Every record is checked before serving (see docs/operations.md).
            case file -> {
                try {
                    yield FileStoreBackend.open(data);
                } catch (EventStoreUnavailableException | UncheckedIOException e) {
                    throw new UserError("cannot open the file store in " + data + ": " + e.getMessage(), e);
                }
            }
            case postgres -> {
                PostgresEventStore opened;
                try {
                    opened = PostgresEventStore.open(PgUrl.withPasswordFromEnvironment(pgUrl, System.getenv()));
                } catch (RuntimeException e) {
                    throw new UserError("cannot open the PostgreSQL store: " + rootMessage(e), e);
                }
                yield PostgresBackend.on(opened, partitions);
            }
        };
    }

    private RestaurantSystem start(
            Infrastructure infra, Set<ContextName> names, Security security, Storefront storefront) {
        refuseTakenPort();
        try {
            return RestaurantSystem.start(infra, names, host, port, security, labResults, storefront);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException) {
                    throw portTaken(cause, e);
                }
            }
            throw e;
        }
    }

    /** Asked first, so the answer is one line rather than the server's error log (a race after it is caught below). */
    private void refuseTakenPort() {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw portTaken(e, e);
        }
    }

    /** The same one line whether the probe or, in a race after it, the server found the port taken. */
    private UserError portTaken(Throwable reason, Exception e) {
        return new UserError(
                "cannot listen on " + host + ":" + port + " (" + reason.getMessage()
                        + "): another process holds the port; stop it or choose another --port",
                e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    /** The context names, for help and completion. */
    static final class ContextLabels implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ContextName.labels().iterator();
        }
    }
}
