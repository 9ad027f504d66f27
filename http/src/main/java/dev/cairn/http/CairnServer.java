package dev.cairn.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Hosts contexts over HTTP, following the Cairn HTTP contract: commands answer 201/202 with a
 * position token, queries carry {@code Cairn-Position}, any request may ask for
 * {@code consistentWith}, errors are {@code {"error","message"}}, and the server adds
 * {@code /health}, {@code /metrics}, {@code /api/events}, {@code /api/processors} and
 * {@code /api/stream}.
 *
 * <pre>{@code
 * CairnServer server = CairnServer.create(config -> config
 *         .port(8080)
 *         .eventStore(store)
 *         .authenticator(BearerTokens.of(installationKey))
 *         .processors(List.of(counterProjection))
 *         .context(new CounterRoutes(counters, counterViews)))
 *     .start();
 * }</pre>
 */
public final class CairnServer implements AutoCloseable {

    private final ServerSettings config;
    private final Javalin app;
    private final EventStream stream;
    private final List<String> routes;
    private boolean started;
    private boolean stopped;

    private CairnServer(ServerSettings config, Javalin app, EventStream stream, List<String> routes) {
        this.config = config;
        this.routes = routes;
        this.app = app;
        this.stream = stream;
    }

    /**
     * Configures a server and lets every context register its routes; nothing listens yet.
     *
     * @throws IllegalStateException when no event store is configured or two routes share a method and path
     */
    public static CairnServer create(Consumer<CairnServerConfig> configurer) {
        CairnServerConfig configured = new CairnServerConfig();
        Objects.requireNonNull(configurer, "configurer").accept(configured);
        ServerSettings config = configured.settings();
        StoreHead head = new StoreHead(config.eventStore());
        List<RouteTable> tables = new ArrayList<>();
        List<RouteTable.StreamSource> publishers = new ArrayList<>();
        for (HttpContext context : config.contexts()) {
            RouteTable table = new RouteTable(head);
            context.register(table);
            tables.add(table);
            publishers.addAll(table.publishers());
        }
        ObjectMapper mapper = Json.newMapper();
        EventStream stream = new EventStream(mapper, config.heartbeat(), publishers);
        ConnectionLimits connections =
                new ConnectionLimits(config.idleTimeout(), config.headerTimeout(), config.maxConnections());
        MetricsEndpoint metrics =
                new MetricsEndpoint(config.eventStore(), config.processorStatuses(), stream::clientCount, connections);
        List<String> routes = JavalinAssembly.routes(config, tables);
        return new CairnServer(
                config, JavalinAssembly.build(config, tables, mapper, stream, metrics, connections), stream, routes);
    }

    /**
     * Every route this server answers, as {@code "METHOD /path access"} (e.g.
     * {@code "GET /api/events roles [admin]"}): what a test of who may call what must cover.
     */
    public List<String> routes() {
        return routes;
    }

    /** Starts listening and subscribes to the stream publishers. */
    public synchronized CairnServer start() {
        if (started) {
            throw new IllegalStateException("the server was already started; create a new one");
        }
        started = true;
        stream.start();
        try {
            app.start(config.host(), config.port());
        } catch (RuntimeException e) {
            stream.close(); // e.g. the port is taken: leave no subscription behind
            throw e;
        }
        return this;
    }

    /** The port it listens on (the chosen one when configured with port 0). */
    public int port() {
        requireStarted();
        return app.port();
    }

    /** {@code http://host:port}, with {@code localhost} when bound to all interfaces. */
    public URI uri() {
        String configured = config.host();
        boolean anyInterface = configured == null || configured.equals("0.0.0.0") || configured.equals("::");
        String host = anyInterface ? "localhost" : configured.contains(":") ? "[" + configured + "]" : configured;
        return URI.create("http://" + host + ":" + port());
    }

    /** Ends every stream, then stops listening. Processors and the store are left to their owner. */
    public synchronized void stop() {
        if (!started || stopped) {
            return;
        }
        stopped = true;
        stream.close();
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("the server is not started");
        }
    }
}
