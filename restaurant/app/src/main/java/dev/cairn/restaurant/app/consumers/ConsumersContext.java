package dev.cairn.restaurant.app.consumers;

import dev.cairn.core.command.CommandHandler;
import dev.cairn.core.hosting.HostedProcessor;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.query.ReadSide;
import dev.cairn.http.Access;
import dev.cairn.http.Call;
import dev.cairn.http.CommandReply;
import dev.cairn.http.Routes;
import dev.cairn.restaurant.app.BoundedContext;
import dev.cairn.restaurant.app.Infrastructure;
import dev.cairn.restaurant.app.Wiring;
import dev.cairn.restaurant.app.auth.Roles;
import dev.cairn.restaurant.consumers.domain.Consumer;
import dev.cairn.restaurant.consumers.domain.ConsumerCommand;
import dev.cairn.restaurant.consumers.domain.ConsumerDecider;
import dev.cairn.restaurant.consumers.domain.Verification;
import dev.cairn.restaurant.consumers.domain.VerificationCommand;
import dev.cairn.restaurant.consumers.domain.VerificationDecider;
import dev.cairn.restaurant.consumers.domain.WhenOrderCreatedThenVerifyConsumer;
import dev.cairn.restaurant.contracts.ConsumerEvent;
import dev.cairn.restaurant.contracts.Streams;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Consumers: registers consumers and vouches for them when an order names one. The verification
 * reads the consumer's own stream (this context's state), never another context's.
 */
public final class ConsumersContext implements BoundedContext {

    /** {@code POST /api/consumers}. */
    public record RegisterConsumerBody(String name) {}

    private final Infrastructure infra;
    private final CommandHandler<ConsumerCommand, Consumer, ConsumerEvent> consumers;
    private final ConsumerDirectory directory = new ConsumerDirectory();
    private final TrackingProcessor directoryProcessor;
    private final HostedProcessor verifications;

    public ConsumersContext(Infrastructure infra) {
        this.infra = infra;
        this.consumers =
                Wiring.commandHandler(infra, new ConsumerDecider(), ConsumerEvent.class, ConsumerCommand::streamId);
        CommandHandler<VerificationCommand, Verification, ConsumerEvent> verifier = Wiring.commandHandler(
                infra, new VerificationDecider(), ConsumerEvent.class, VerificationCommand::streamId);
        var reaction = new WhenOrderCreatedThenVerifyConsumer(consumerId ->
                consumers.currentState(Streams.consumer(consumerId)).standing());
        this.verifications = Wiring.reactions(infra, "consumers.verify-orders", reaction, verifier::handle);
        this.directoryProcessor = Wiring.inMemoryView(infra, "consumers.directory", directory);
    }

    @Override
    public List<HostedProcessor> processors() {
        return List.of(HostedProcessor.of(directoryProcessor), verifications);
    }

    @Override
    public void register(Routes routes) {
        var read = new ReadSide<FindConsumer>(directory, directoryProcessor);
        routes.command("/api/consumers", Roles.ADMIN_ONLY, RegisterConsumerBody.class, (body, call) -> {
                    String id = infra.ids().get();
                    var result = consumers.handle(
                            new ConsumerCommand.RegisterConsumer(id, body.name()), call.commandContext());
                    return CommandReply.created("consumerId", id, result);
                })
                .command(
                        "/api/consumers/{consumerId}/deactivate",
                        Roles.ADMIN_ONLY,
                        call -> onConsumer(call, ConsumerCommand.DeactivateConsumer::new))
                .command(
                        "/api/consumers/{consumerId}/reactivate",
                        Roles.ADMIN_ONLY,
                        call -> onConsumer(call, ConsumerCommand.ReactivateConsumer::new))
                .query("/api/consumers", Roles.ADMIN_ONLY, read, (view, call) -> Map.of("consumers", view.all()))
                .query("/api/consumers/{consumerId}", Access.roles(Roles.ADMIN, Roles.CONSUMER), read, (view, call) -> {
                    String id = call.pathParam("consumerId");
                    Roles.requireOwner(call.principal(), Roles.CONSUMER, id, "consumer", id);
                    return view.byId(id);
                });
    }

    /** Sends the command for the consumer the path names; accepted, with that consumer's id. */
    private CommandReply onConsumer(Call call, Function<String, ConsumerCommand> command) {
        String id = call.pathParam("consumerId");
        return CommandReply.accepted("consumerId", id, consumers.handle(command.apply(id), call.commandContext()));
    }
}
