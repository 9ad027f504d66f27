package dev.cairn.http.toy;

import dev.cairn.core.command.CommandHandler;
import dev.cairn.core.query.ReadSide;
import dev.cairn.http.Access;
import dev.cairn.http.CommandReply;
import dev.cairn.http.HttpContext;
import dev.cairn.http.Routes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The counter context over HTTP: what a real context's routes look like. */
public final class CounterRoutes implements HttpContext {

    /** A label with a weight from 1 to 10; refused by its constructor otherwise. */
    public record Label(String key, int weight) {
        public Label {
            if (weight < 1 || weight > 10) {
                throw new IllegalArgumentException("weight must be from 1 to 10, was " + weight);
            }
        }
    }

    /** {@code POST /api/counters}. */
    public record CreateCounterBody(
            String name,
            int start,
            String template,
            List<Label> labels,
            Optional<String> note,
            Optional<Instant> startsAt) {
        public CreateCounterBody {
            if (name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
            labels = List.copyOf(labels);
        }
    }

    /** {@code POST /api/counters/{id}/increments}. */
    public record IncrementBody(int by) {}

    private final CommandHandler<CounterCommand, CounterDecider.State, CounterEvent> counters;
    private final ReadSide<FindCounters> views;
    private final CounterViews publisher;

    public CounterRoutes(
            CommandHandler<CounterCommand, CounterDecider.State, CounterEvent> counters,
            ReadSide<FindCounters> views,
            CounterViews publisher) {
        this.counters = counters;
        this.views = views;
        this.publisher = publisher;
    }

    @Override
    public void register(Routes routes) {
        routes
                .command("/api/counters", Access.anyRole(), CreateCounterBody.class, (body, call) -> {
                    String id = call.newId();
                    var command = new CounterCommand.CreateCounter(id, body.name(), body.start(), body.template());
                    return CommandReply.created("counterId", id, counters.handle(command, call.commandContext()));
                })
                .command(
                        "/api/counters/{counterId}/increments", Access.anyRole(), IncrementBody.class, (body, call) -> {
                            String id = call.pathParam("counterId");
                            var command = new CounterCommand.Increment(id, body.by());
                            return CommandReply.accepted(
                                    "counterId", id, counters.handle(command, call.commandContext()));
                        })
                .command("/api/counters/{counterId}/close", Access.roles("admin"), call -> {
                    String id = call.pathParam("counterId");
                    return CommandReply.accepted(
                            "counterId", id, counters.handle(new CounterCommand.Close(id), call.commandContext()));
                })
                .query(
                        "/api/counters/{counterId}",
                        Access.anyRole(),
                        views,
                        (view, call) -> view.byId(call.pathParam("counterId")))
                .query(
                        "/api/counters",
                        Access.anyRole(),
                        views,
                        (view, call) -> Map.of(
                                "counters",
                                view.all().stream()
                                        .limit(call.queryParam("limit", 50, 1, 500))
                                        .toList()))
                .stream(publisher.changes(), (principal, change) -> true)
                .staticFiles("toy-web");
    }

    /** The stream id of a counter. */
    public static String streamOf(CounterCommand command) {
        return "counter-" + command.counterId();
    }
}
