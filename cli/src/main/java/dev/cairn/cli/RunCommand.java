package dev.cairn.cli;

import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.processing.DirectoryCheckpointStore;
import dev.cairn.core.processing.InMemoryCheckpointStore;
import dev.cairn.core.store.EventStore;
import dev.cairn.eventstore.file.CorruptLogException;
import dev.cairn.eventstore.file.FileEventStore;
import dev.cairn.eventstore.file.FileStoreOptions;
import dev.cairn.eventstore.postgres.PgUrl;
import dev.cairn.eventstore.postgres.PostgresEventStore;
import dev.cairn.restaurant.app.ContextName;
import dev.cairn.restaurant.app.Infrastructure;
import dev.cairn.restaurant.app.PartitionedProcessors;
import dev.cairn.restaurant.app.RestaurantSystem;
import dev.cairn.restaurant.app.Storefront;
import dev.cairn.restaurant.app.simulation.Simulation;
import dev.cairn.http.BearerTokens;
import dev.cairn.http.InstallationKey;
import dev.cairn.restaurant.app.auth.Roles;
import dev.cairn.restaurant.app.auth.Security;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Serves the restaurant system: every context (or those named) behind one HTTP server. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Serve the restaurant system (HTTP API and web page) on the embedded store, or any subset of its contexts"
                + " on PostgreSQL, where several processes share the work.")
final class RunCommand implements Callable<Integer> {

    private static final Duration SIGN_IN_TTL = Duration.ofHours(8);

    @Option(names = "--port", description = "HTTP port (default ${DEFAULT-VALUE})")
    int port = 8080;

    @Option(names = "--host", description = "address to listen on (default ${DEFAULT-VALUE})")
    String host = "127.0.0.1";

    @Option(names = "--data", description = "data directory of the file store; with --store postgres, where order-history"
            + " keeps its local snapshot (default ${DEFAULT-VALUE})")
    Path data = Path.of("cairn-data");

    @Option(names = "--store", description = "file, memory or postgres (default ${DEFAULT-VALUE})")
    StoreKind store = StoreKind.file;

    @Option(names = "--pg-url", description = "JDBC URL of PostgreSQL for --store postgres, e.g. jdbc:postgresql://127.0.0.1:5432/cairn?user=postgres;"
            + " the schema is created when missing")
    String pgUrl;

    @Option(names = "--partitions", description = "with --store postgres: partitions of each shared reaction and process manager;"
            + " every process must use the same number (default ${DEFAULT-VALUE})")
    int partitions = PartitionedProcessors.DEFAULT_PARTITIONS;

    @Option(names = "--contexts", description = "comma-separated contexts to run (default: all of ${COMPLETION-CANDIDATES})",
            completionCandidates = ContextLabels.class)
    String contexts;

    @Option(names = "--lab-results", description = "where `cairn lab` wrote its report, shown on the page's Styles lab tab (default ${DEFAULT-VALUE})")
    Path labResults = Path.of("lab-results");

    @Option(names = "--simulate", description = "kitchen staff and couriers act on their own after short delays")
    boolean simulate;

    @Option(names = "--simulation-pace", description = "delay before each simulated step (default ${DEFAULT-VALUE})")
    Duration pace = Duration.ofMillis(1500);

    @Option(names = "--auth-key", description = "the installation key file several processes share (created mode 0600 when missing);"
            + " default <data>/auth/installation-key.jwk")
    Path authKey;

    @Option(names = "--oidc-issuer", description = "trust the tokens of this OpenID Connect provider (its JWKS) instead of the installation key")
    URI oidcIssuer;

    @Option(names = "--role-claim", description = "with --oidc-issuer: the claim holding the role (default ${DEFAULT-VALUE})")
    String roleClaim = "role";

    @Option(names = "--id-claim", description = "with --oidc-issuer: the claim holding the consumer, restaurant or courier id (default ${DEFAULT-VALUE})")
    String idClaim = "id";

    @Option(names = "--cors-origin", description = "the one origin browsers may call the API from; without it no CORS header is sent")
    String corsOrigin;

    @Option(names = "--currency", description = "ISO 4217 code of the currency prices are in, shown by the page (default ${DEFAULT-VALUE})")
    String currency = "EUR";

    @Option(names = "--rate-limit", description = "requests a second per principal before 429 (default ${DEFAULT-VALUE}: no limit)")
    int rateLimit;

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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "cairn-shutdown"));
        stopped.await();
        return 0;
    }

    /** A started system and what it owns; closing it stops them in order. */
    record Running(RestaurantSystem system, EventStore events, Simulation simulation) implements AutoCloseable {
        @Override
        public void close() {
            if (simulation != null) {
                simulation.close();
            }
            system.close();
            events.close();
        }
    }

    /** Everything {@code run} does before it waits for the end: what a test starts to see the command's wiring. */
    Running start() throws Exception {
        Set<ContextName> names = ContextName.parse(contexts);
        EventStore events = openStore();
        Infrastructure infra = switch (store) {
            case file -> Infrastructure.of(events, new DirectoryCheckpointStore(data.resolve("checkpoints")));
            case memory -> Infrastructure.of(events, new InMemoryCheckpointStore());
            // Shared by every process on the database: reactions and process managers split between
            // the processes running them; order-history keeps a local snapshot to answer from.
            case postgres -> Infrastructure.postgres((PostgresEventStore) events, partitions).withSnapshots(data);
        };
        InstallationKey key = AuthKeys.loadOrCreate(data, authKey);
        Storefront storefront = Storefront.of(currency, simulate);
        RestaurantSystem system = RestaurantSystem.start(infra, names, host, port, security(key), labResults, storefront);
        String admin = key.issue("admin", Roles.ADMIN, Optional.empty(), SIGN_IN_TTL, Instant.now());
        Simulation simulation = simulate
                ? Simulation.start(system.uri(), pace, key.issue("simulation", Roles.ADMIN, Optional.empty(), Duration.ofDays(365), Instant.now()),
                        storefront.simulationOn())
                : null;
        System.err.printf("Cairn restaurant system at http://%s:%d/ (%s store%s; contexts %s)%s%n",
                host.equals("0.0.0.0") ? "localhost" : host, system.port(), store,
                store == StoreKind.file ? " in " + data.toAbsolutePath() : store == StoreKind.postgres ? " at " + PgUrl.masked(pgUrl) + ", " + partitions + " partitions per shared processor, snapshots in " + data.toAbsolutePath() : "", names, simulate ? "; simulating kitchen and couriers" : "");
        if (oidcIssuer == null) {
            System.out.printf("Sign in as the admin (valid %d h): http://%s:%d/#token=%s%n", SIGN_IN_TTL.toHours(),
                    host.equals("0.0.0.0") ? "localhost" : host, system.port(), admin);
            System.out.flush();
        }
        return new Running(system, events, simulation);
    }

    private Security security(InstallationKey key) throws IOException {
        Security security = oidcIssuer == null ? Security.of(key)
                : new Security(BearerTokens.oidc(oidcIssuer, roleClaim, idClaim), Optional.empty(), Optional.empty(), 0);
        if (corsOrigin != null) {
            security = security.withCorsOrigin(corsOrigin);
        }
        return security.withRateLimit(rateLimit);
    }

    private EventStore openStore() throws Exception {
        return switch (store) {
            case memory -> new InMemoryEventStore();
            case file -> {
                Files.createDirectories(data);
                // Every record is checked before serving: a damaged record found later would stop
                // processors and leave acknowledged orders unfinished (see docs/operations.md).
                yield FileEventStore.open(FileStoreOptions.defaults(data.resolve("log")).withVerifyOnOpen(true));
            }
            case postgres -> {
                if (pgUrl == null || pgUrl.isBlank()) {
                    throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--store postgres needs --pg-url");
                }
                yield PostgresEventStore.open(PgUrl.withPasswordFromEnvironment(pgUrl, System.getenv()));
            }
        };
    }

    /** The context names, for help and completion. */
    static final class ContextLabels implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ContextName.labels().iterator();
        }
    }
}
