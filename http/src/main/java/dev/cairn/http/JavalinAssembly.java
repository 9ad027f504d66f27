package dev.cairn.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Builds the Javalin application from the configuration and the contexts' route tables. Kept
 * apart from {@link CairnServer} so the public type shows only the lifecycle.
 */
final class JavalinAssembly {

    private static final Set<String> BUILT_IN = Set.of(
            "GET /health", "GET /ready", "GET /metrics", "GET /api/events", "GET /api/processors", "GET /api/stream");
    /** The page's policy: scripts, styles and connections from this origin only, no inline script, never framed. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** What {@code /health} answers: the process is alive, nothing more; {@code /ready} says whether it takes commands. */
    static final Liveness LIVENESS = new Liveness("UP", "liveness only; see /ready");

    record Liveness(String status, String checks) {}

    private JavalinAssembly() {}

    static Javalin build(
            ServerSettings config,
            List<RouteTable> tables,
            ObjectMapper mapper,
            EventStream stream,
            MetricsEndpoint metrics,
            ConnectionLimits connections) {
        requireUniqueRoutes(tables);
        Javalin app = Javalin.create(cfg -> {
            configure(cfg, config, tables, mapper);
            cfg.jetty.modifyServer(connections::install);
        });
        Replies replies = new Replies(mapper);
        Consistency consistency = new Consistency(config.consistencyTimeout());
        Guard guard = new Guard(
                config.authenticator(),
                config.rateLimit() == 0 ? null : new RateLimit(config.rateLimit(), System::currentTimeMillis));
        app.before(JavalinAssembly::securityHeaders);
        installContexts(
                app,
                tables,
                new RouteTable.Endpoints(new JsonBodies(mapper, config.maxBodyBytes()), consistency, replies, guard));
        app.get("/health", ctx -> replies.json(ctx, 200, LIVENESS));
        app.get("/ready", new ReadinessEndpoint(config.eventStore(), config.processorStatuses(), replies));
        app.get("/metrics", guard.protect(config.operators(), metrics));
        app.get(
                "/api/events",
                guard.protect(config.operators(), new EventLogEndpoint(config.eventStore(), mapper, consistency)));
        app.get(
                "/api/processors",
                guard.protect(config.operators(), new ProcessorsEndpoint(config.processorStatuses(), replies)));
        app.get("/api/stream", guard.protect(Access.anyRole(), stream::serve));
        app.after(ctx -> metrics.count(ctx.statusCode()));
        ErrorResponses errors = new ErrorResponses(mapper);
        // Javalin maps its own HttpResponseExceptions (404, 405) unless told otherwise: one mapping for all.
        app.exception(HttpResponseException.class, (e, ctx) -> errors.write(ctx, e));
        app.exception(Exception.class, (e, ctx) -> errors.write(ctx, e));
        return app;
    }

    /** Every route, with who may call it; the built-ins first. */
    static List<String> routes(ServerSettings config, List<RouteTable> tables) {
        List<String> routes = new ArrayList<>(List.of(
                "GET /health " + Access.anyone(),
                "GET /ready " + Access.anyone(),
                "GET /metrics " + config.operators(),
                "GET /api/events " + config.operators(),
                "GET /api/processors " + config.operators(),
                "GET /api/stream " + Access.anyRole()));
        tables.forEach(table ->
                table.registrations().forEach(r -> routes.add(r.method() + " " + r.path() + " " + r.access())));
        return List.copyOf(routes);
    }

    private static void securityHeaders(io.javalin.http.Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    private static void configure(
            JavalinConfig cfg, ServerSettings config, List<RouteTable> tables, ObjectMapper mapper) {
        cfg.showJavalinBanner = false;
        cfg.startupWatcherEnabled = false; // it would keep a thread sleeping for 5 s after every creation
        cfg.http.prefer405over404 = true;
        cfg.http.maxRequestSize = config.maxBodyBytes();
        cfg.jsonMapper(new JavalinJackson(mapper, config.virtualThreads()));
        cfg.jetty.threadPool = threadPool(config.virtualThreads());
        cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
        tables.forEach(table -> table.staticDirectories().forEach(dir -> cfg.staticFiles.add(dir, Location.CLASSPATH)));
        if (config.corsOrigin() != null) {
            cfg.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                rule.allowHost(config.corsOrigin());
                rule.exposeHeader(Replies.POSITION_HEADER);
            }));
        }
    }

    /** Checked before Javalin is created, so a wiring mistake fails with a Cairn message and leaves no half-built server. */
    private static void requireUniqueRoutes(List<RouteTable> tables) {
        Set<String> seen = new HashSet<>(BUILT_IN);
        for (RouteTable table : tables) {
            for (RouteTable.Registration route : table.registrations()) {
                if (!seen.add(route.method() + " " + route.path())) {
                    throw new IllegalStateException(route.method() + " " + route.path() + " is registered twice");
                }
            }
        }
    }

    private static void installContexts(Javalin app, List<RouteTable> tables, RouteTable.Endpoints endpoints) {
        tables.forEach(table -> table.registrations().forEach(route -> route.install(app, endpoints)));
    }

    /**
     * Jetty's selectors stay on platform threads; with virtual threads on, Jetty runs each request
     * on a virtual thread, so a request blocked on {@code consistentWith} or a stream costs no
     * platform thread. (Javalin's own switch would move the selectors onto virtual threads too.)
     */
    private static QueuedThreadPool threadPool(boolean virtualThreads) {
        QueuedThreadPool pool = new QueuedThreadPool(200, 4, 60_000);
        pool.setName("cairn-http");
        if (virtualThreads) {
            pool.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name("cairn-request-", 0).factory()));
        }
        return pool;
    }
}
