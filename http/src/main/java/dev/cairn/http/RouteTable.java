package dev.cairn.http;

import dev.cairn.core.query.ProcessedPosition;
import dev.cairn.core.query.ReadSide;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * {@link Routes} as one context fills it in: registrations are only recorded here, and installed
 * into Javalin once every context has registered, so static files (which Javalin needs at
 * creation) and duplicate paths can be handled up front.
 */
final class RouteTable implements Routes {

    private final List<Registration> registrations = new ArrayList<>();
    private final List<StreamSource> publishers = new ArrayList<>();
    private final List<String> staticDirectories = new ArrayList<>();
    private ProcessedPosition commandSide;
    private Staleness staleness;

    RouteTable(ProcessedPosition defaultCommandSide) {
        this.commandSide = defaultCommandSide;
    }

    /** One route, with what it needs from the server to become a Javalin handler. */
    interface Registration {
        String method();

        String path();

        Access access();

        void install(Javalin app, Endpoints endpoints);
    }

    /** What every endpoint shares. */
    record Endpoints(JsonBodies bodies, Consistency consistency, Replies replies, Guard guard) {}

    /** A stream source and who sees its items. */
    record StreamSource(Flow.Publisher<Object> publisher, Audience<Object> audience) {}

    @Override
    public <B> Routes command(String path, Access access, Class<B> bodyType, CommandRoute<B> route) {
        Objects.requireNonNull(bodyType, "bodyType");
        return addCommand(HandlerType.POST, path, access, bodyType, Objects.requireNonNull(route, "route"));
    }

    @Override
    public <B> Routes replace(String path, Access access, Class<B> bodyType, CommandRoute<B> route) {
        Objects.requireNonNull(bodyType, "bodyType");
        return addCommand(HandlerType.PUT, path, access, bodyType, Objects.requireNonNull(route, "route"));
    }

    @Override
    public Routes command(String path, Access access, BodilessCommandRoute route) {
        Objects.requireNonNull(route, "route");
        return addCommand(HandlerType.POST, path, access, null, (Void none, Call call) -> route.handle(call));
    }

    private <B> Routes addCommand(
            HandlerType method, String path, Access access, Class<B> bodyType, CommandRoute<B> route) {
        ProcessedPosition side = commandSide;
        return add(
                method,
                path,
                access,
                e -> new CommandEndpoint<>(bodyType, route, side, e.bodies(), e.consistency(), e.replies()));
    }

    @Override
    public <B> Routes action(String path, Access access, Class<B> bodyType, int status, ActionRoute<B> route) {
        Objects.requireNonNull(bodyType, "bodyType");
        Objects.requireNonNull(route, "route");
        if (status < 200 || status > 299) {
            throw new IllegalArgumentException("an action answers a 2xx status, not " + status);
        }
        return add(
                HandlerType.POST,
                path,
                access,
                e -> new ActionEndpoint<>(bodyType, status, route, e.bodies(), e.replies()));
    }

    @Override
    public <V> Routes query(String path, Access access, ReadSide<V> side, QueryRoute<V> route) {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(route, "route");
        Staleness stale = staleness;
        return add(
                HandlerType.GET,
                path,
                access,
                e -> new QueryEndpoint<>(side, route, e.consistency().timeout(), e.replies(), stale));
    }

    @Override
    public Routes staleness(Staleness staleness) {
        this.staleness = Objects.requireNonNull(staleness, "staleness");
        return this;
    }

    @Override
    public Routes commandSide(ProcessedPosition side) {
        this.commandSide = Objects.requireNonNull(side, "side");
        return this;
    }

    @Override
    @SuppressWarnings("unchecked") // the audience is only ever asked about items of its own publisher
    public <T> Routes stream(Flow.Publisher<T> publisher, Audience<? super T> audience) {
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(audience, "audience");
        publishers.add(new StreamSource((Flow.Publisher<Object>) publisher, (Audience<Object>) audience));
        return this;
    }

    @Override
    public Routes staticFiles(String classpathDirectory) {
        staticDirectories.add(Objects.requireNonNull(classpathDirectory, "classpathDirectory"));
        return this;
    }

    @Override
    public Routes file(String path, Path file, String contentType) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(contentType, "contentType");
        // Like the page's own files: readable without a token (a report holds no one's data).
        return add(HandlerType.GET, path, Access.anyone(), e -> ctx -> {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (NoSuchFileException missing) {
                throw HttpProblem.notFound("there is no " + file.getFileName() + " yet");
            }
            ctx.contentType(contentType).result(content);
        });
    }

    List<Registration> registrations() {
        return List.copyOf(registrations);
    }

    List<StreamSource> publishers() {
        return List.copyOf(publishers);
    }

    List<String> staticDirectories() {
        return List.copyOf(staticDirectories);
    }

    /**
     * Records a route behind its access; its handler is made at install, since what the server
     * shares (bodies, consistency, replies) only exists once every context has registered.
     */
    private Routes add(HandlerType method, String path, Access access, Function<Endpoints, Handler> endpoint) {
        Objects.requireNonNull(access, "access");
        registrations.add(new Route(
                method.name(),
                requirePath(path),
                access,
                (app, e) -> app.addHttpHandler(method, path, e.guard().protect(access, endpoint.apply(e)))));
        return this;
    }

    private static String requirePath(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a route path starts with '/', was " + path);
        }
        return path;
    }

    private record Route(String method, String path, Access access, Installer installer) implements Registration {
        @Override
        public void install(Javalin app, Endpoints endpoints) {
            installer.install(app, endpoints);
        }
    }

    @FunctionalInterface
    private interface Installer {
        void install(Javalin app, Endpoints endpoints);
    }
}
