package dev.cairn.http;

import dev.cairn.core.query.ProcessedPosition;
import dev.cairn.core.query.ReadSide;
import java.nio.file.Path;
import java.util.concurrent.Flow;

/**
 * What an {@link HttpContext} registers: command and query endpoints that follow the HTTP contract
 * uniformly, a source of server-sent events, and static files. Paths use Javalin's syntax
 * ({@code /api/orders/{id}}).
 *
 * <p>Every route honours {@code consistentWith=<token>}: it is served only once the side that
 * answers it has processed that log position (queries: the read side's view; commands: the
 * {@link #commandSide command side}, by default the event store's head), else {@code 503}.
 *
 * <p>Every route declares its {@link Access}: who may call it. A request it does not admit is
 * answered {@code 401} or {@code 403} before anything else about it is looked at.
 */
public interface Routes {

    /**
     * A {@code POST} command whose JSON body is bound to {@code bodyType} (a record, typically) and
     * checked before {@code route} runs: {@code 415} without a JSON content type, {@code 413} over
     * the size limit, {@code 400} naming the field when the JSON is malformed, a field is missing or
     * null (wrap optional ones in {@link java.util.Optional}), has the wrong type, or the record's
     * constructor refuses it with an {@link IllegalArgumentException}.
     */
    <B> Routes command(String path, Access access, Class<B> bodyType, CommandRoute<B> route);

    /**
     * A {@code PUT} command that replaces a whole resource (e.g. a restaurant's menu); its body is
     * checked and it answers exactly like a {@link #command command}.
     */
    <B> Routes replace(String path, Access access, Class<B> bodyType, CommandRoute<B> route);

    /**
     * A {@code POST} command without a body (e.g. {@code /api/orders/{id}/cancel}). A body, if one
     * is sent anyway, is ignored, but a non-JSON content type is still {@code 415}.
     */
    Routes command(String path, Access access, BodilessCommandRoute route);

    /**
     * A {@code POST} that appends no event and answers {@code status} with the route's value as JSON
     * (e.g. issuing a token); its body is checked exactly like a {@link #command command}'s.
     */
    <B> Routes action(String path, Access access, Class<B> bodyType, int status, ActionRoute<B> route);

    /**
     * A {@code GET} query answered from {@code side}: {@code 200} with the route's value as JSON and
     * the header {@code Cairn-Position}. A route answers {@code 404} by returning an empty
     * {@link java.util.Optional} or by throwing {@link HttpProblem#notFound}.
     */
    <V> Routes query(String path, Access access, ReadSide<V> side, QueryRoute<V> route);

    /**
     * The view that this context's commands (registered after this call) consult before deciding,
     * e.g. a replica of another context's data; {@code consistentWith} on those commands waits for it.
     * Without one, commands wait for the event store's head, which is all a decider reading its own
     * stream needs.
     */
    Routes commandSide(ProcessedPosition side);

    /**
     * How stale the answers of this context's queries (registered after this call) may be: each
     * answer, 404s included, carries {@code Cairn-Stale: <seconds>} from {@code staleness}. For a
     * read side that keeps answering from its own copy while the event store is unreachable.
     */
    Routes staleness(Staleness staleness);

    /**
     * A source of items for {@code GET /api/stream}: the server subscribes when it starts and sends
     * every item, as JSON, to every connected client the {@code audience} says may see it. Several
     * contexts may each add one.
     */
    <T> Routes stream(Flow.Publisher<T> publisher, Audience<? super T> audience);

    /** Serves the files of a classpath directory at {@code /} (so {@code index.html} is the home page). */
    Routes staticFiles(String classpathDirectory);

    /**
     * A {@code GET} of one file outside the application, read anew on every request (so a file
     * another program rewrites, such as a report, is always current): {@code 200} with
     * {@code contentType}, or {@code 404} while the file does not exist. Like static files, it needs
     * no token: serve nothing personal this way.
     */
    Routes file(String path, Path file, String contentType);

    /** Who may see an item of {@code /api/stream}. */
    @FunctionalInterface
    interface Audience<T> {
        boolean sees(Principal principal, T item);
    }

    /** Handles a command with a checked body. */
    @FunctionalInterface
    interface CommandRoute<B> {
        CommandReply handle(B body, Call call) throws Exception;
    }

    /** Handles a command that has no body. */
    @FunctionalInterface
    interface BodilessCommandRoute {
        CommandReply handle(Call call) throws Exception;
    }

    /** Handles a POST that appends nothing; the value is written as JSON. */
    @FunctionalInterface
    interface ActionRoute<B> {
        Object handle(B body, Call call) throws Exception;
    }

    /** Answers a question from a read-only view; the value is written as JSON. */
    @FunctionalInterface
    interface QueryRoute<V> {
        Object answer(V view, Call call);
    }
}
