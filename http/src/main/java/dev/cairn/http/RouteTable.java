package dev.cairn.http;

import dev.cairn.core.query.ProcessedPosition;
import dev.cairn.core.query.ReadSide;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * {@link Routes} as one context fills it in: registrations are only recorded here, and installed
 * into Javalin once every context has registered, so static files (which Javalin needs at
 * creation) and duplicate paths can be handled up front.
 */
final class RouteTable implements Routes {

    private final List<Registration> registrations = new ArrayList<>();
    private final List<Flow.Publisher<?>> publishers = new ArrayList<>();
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

        void install(Javalin app, Endpoints endpoints);
    }

    /** What every endpoint shares. */
    record Endpoints(JsonBodies bodies, Consistency consistency, Replies replies) {}

    @Override
    public <B> Routes command(String path, Class<B> bodyType, CommandRoute<B> route) {
        Objects.requireNonNull(bodyType, "bodyType");
        return addCommand(path, bodyType, Objects.requireNonNull(route, "route"));
    }

    @Override
    public Routes command(String path, BodilessCommandRoute route) {
        Objects.requireNonNull(route, "route");
        return addCommand(path, null, (Void none, Call call) -> route.handle(call));
    }

    private <B> Routes addCommand(String path, Class<B> bodyType, CommandRoute<B> route) {
        ProcessedPosition side = commandSide;
        registrations.add(new Route("POST", requirePath(path), (app, e) ->
                app.post(path, new CommandEndpoint<>(bodyType, route, side, e.bodies(), e.consistency(), e.replies()))));
        return this;
    }

    @Override
    public <V> Routes query(String path, ReadSide<V> side, QueryRoute<V> route) {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(route, "route");
        Staleness stale = staleness;
        registrations.add(new Route("GET", requirePath(path), (app, e) ->
                app.get(path, new QueryEndpoint<>(side, route, e.consistency().timeout(), e.replies(), stale))));
        return this;
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
    public Routes stream(Flow.Publisher<?> publisher) {
        publishers.add(Objects.requireNonNull(publisher, "publisher"));
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
        registrations.add(new Route("GET", requirePath(path), (app, e) -> app.get(path, ctx -> {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (NoSuchFileException missing) {
                throw HttpProblem.notFound("there is no " + file.getFileName() + " yet");
            }
            ctx.contentType(contentType).result(content);
        })));
        return this;
    }

    List<Registration> registrations() {
        return List.copyOf(registrations);
    }

    List<Flow.Publisher<?>> publishers() {
        return List.copyOf(publishers);
    }

    List<String> staticDirectories() {
        return List.copyOf(staticDirectories);
    }

    private static String requirePath(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a route path starts with '/', was " + path);
        }
        return path;
    }

    private record Route(String method, String path, Installer installer) implements Registration {
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
