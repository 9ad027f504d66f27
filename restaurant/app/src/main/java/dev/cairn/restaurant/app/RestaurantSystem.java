package dev.cairn.restaurant.app;

import dev.cairn.core.hosting.HostedProcessor;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.http.CairnServer;
import dev.cairn.restaurant.app.accounting.AccountingContext;
import dev.cairn.restaurant.app.auth.Roles;
import dev.cairn.restaurant.app.auth.Security;
import dev.cairn.restaurant.app.auth.TokensRoutes;
import dev.cairn.restaurant.app.consumers.ConsumersContext;
import dev.cairn.restaurant.app.delivery.DeliveryContext;
import dev.cairn.restaurant.app.kitchen.KitchenContext;
import dev.cairn.restaurant.app.orderhistory.OrderHistoryContext;
import dev.cairn.restaurant.app.ordering.OrderingContext;
import dev.cairn.restaurant.app.restaurants.RestaurantsContext;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Any subset of the seven contexts in one process, behind one HTTP server: on the embedded store
 * all seven run together; on a shared database each can run in processes of its own.
 */
public final class RestaurantSystem implements AutoCloseable {

    /** Each context by the name it was built for (only this class says which is which), in the order asked for. */
    private final Map<ContextName, BoundedContext> contexts;

    private final List<HostedProcessor> hosted;
    private final List<TrackingProcessor> processors;
    private final CairnServer server;

    private RestaurantSystem(
            Map<ContextName, BoundedContext> contexts, List<HostedProcessor> hosted, CairnServer server) {
        this.contexts = contexts;
        this.hosted = hosted;
        this.processors = whole(hosted);
        this.server = server;
    }

    /**
     * Builds the contexts, starts the HTTP server, then their processors (which catch up in the
     * background, so the server answers {@code /health} at once).
     *
     * @param port 0 picks a free port
     */
    public static RestaurantSystem start(
            Infrastructure infra, Set<ContextName> names, String host, int port, Security security) {
        return start(infra, names, host, port, security, Path.of("lab-results"));
    }

    /**
     * As {@link #start(Infrastructure, Set, String, int, Security)}, with the page's "Styles lab" tab
     * showing the newest report that {@code cairn lab} wrote into {@code labReports}.
     */
    public static RestaurantSystem start(
            Infrastructure infra, Set<ContextName> names, String host, int port, Security security, Path labReports) {
        return start(infra, names, host, port, security, labReports, Storefront.plain());
    }

    /**
     * As {@link #start(Infrastructure, Set, String, int, Security, Path)}, with the currency the page
     * shows prices in and the simulation's switch ({@code GET /api/config}, {@code /api/simulation}).
     */
    public static RestaurantSystem start(
            Infrastructure infra,
            Set<ContextName> names,
            String host,
            int port,
            Security security,
            Path labReports,
            Storefront storefront) {
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(storefront, "storefront");
        Objects.requireNonNull(infra, "infra");
        Map<ContextName, BoundedContext> contexts = new LinkedHashMap<>();
        for (ContextName name : names) {
            contexts.put(name, create(name, infra));
        }
        List<HostedProcessor> hosted =
                contexts.values().stream().flatMap(c -> c.processors().stream()).toList();
        CairnServer server = CairnServer.create(config -> {
            config.host(host)
                    .port(port)
                    .eventStore(infra.store())
                    .authenticator(security.authenticator())
                    .operators(Roles.ADMIN_ONLY)
                    .rateLimit(security.rateLimit());
            security.corsOrigin().ifPresent(config::corsOrigin);
            // One path for every processor: a whole one is one row, a shared one a row per part held here now.
            config.processorStatus(
                    () -> hosted.stream().flatMap(p -> p.status().stream()).toList());
            contexts.values().forEach(config::context);
            config.context(new TokensRoutes(infra.store(), security.key(), infra.clock()));
            config.context(storefront);
            config.context(routes -> routes.staticFiles("web")
                    .file("/lab/lab.json", labReports.resolve("lab.json"), "application/json")
                    .file("/lab/lab.html", labReports.resolve("lab.html"), "text/html; charset=utf-8"));
        });
        server.start();
        var system = new RestaurantSystem(contexts, hosted, server);
        hosted.forEach(HostedProcessor::start);
        return system;
    }

    private static List<TrackingProcessor> whole(List<HostedProcessor> hosted) {
        return hosted.stream().flatMap(p -> p.tracking().stream()).toList();
    }

    private static BoundedContext create(ContextName name, Infrastructure infra) {
        return switch (name) {
            case CONSUMERS -> new ConsumersContext(infra);
            case RESTAURANTS -> new RestaurantsContext(infra);
            case ORDERING -> new OrderingContext(infra);
            case KITCHEN -> new KitchenContext(infra);
            case ACCOUNTING -> new AccountingContext(infra);
            case DELIVERY -> new DeliveryContext(infra);
            case ORDER_HISTORY -> new OrderHistoryContext(infra);
        };
    }

    public URI uri() {
        return server.uri();
    }

    /** Every route, with who may call it (see {@link CairnServer#routes()}). */
    public List<String> routes() {
        return server.routes();
    }

    public int port() {
        return server.port();
    }

    /**
     * The processors running whole in this process: every one on the embedded stores; on a shared
     * database, the in-memory views and replicas (see {@link #hostedProcessors()} for the rest).
     */
    public List<TrackingProcessor> processors() {
        return processors;
    }

    /** Every processor this process hosts, whole or its share of a shared one. */
    public List<HostedProcessor> hostedProcessors() {
        return hosted;
    }

    public List<BoundedContext> contexts() {
        return List.copyOf(contexts.values());
    }

    /** Stops the server, then the processors (each saves its checkpoint). The store stays open: the caller owns it. */
    @Override
    public void close() {
        server.close();
        hosted.forEach(HostedProcessor::stop);
        for (var context : contexts.entrySet()) {
            if (context.getValue() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing " + context.getKey(), e);
                }
            }
        }
    }
}
