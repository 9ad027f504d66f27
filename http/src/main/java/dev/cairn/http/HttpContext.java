package dev.cairn.http;

/**
 * A bounded context, or any other part of an application, as seen by the HTTP host: it
 * contributes its routes once, while the server is being created.
 *
 * <pre>{@code
 * final class CounterRoutes implements HttpContext {
 *     public void register(Routes routes) {
 *         routes.command("/api/counters", CreateCounter.class, (body, call) -> ...)
 *               .query("/api/counters/{id}", counters, (view, call) -> view.byId(call.pathParam("id")));
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface HttpContext {

    void register(Routes routes);
}
