package dev.cairn.bench.compare;

import dev.cairn.bench.jmh.OrderAggregate;
import dev.cairn.bench.jmh.OrderAggregate.Command;
import dev.cairn.core.command.CommandContext;
import dev.cairn.core.command.CommandHandler;
import dev.cairn.core.command.CommandResult;
import dev.cairn.core.store.EventStore;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * W1: orders created then approved (two commands on one event-sourced aggregate each) from 16
 * concurrent callers. Latency is per command; throughput is orders per second.
 */
final class CommandHandling {
    static final String WORKLOAD = "W1";
    private static final String UNIT = "orders/s";

    private final Scale scale;

    CommandHandling(Scale scale) {
        this.scale = scale;
    }

    Row cairn(String system, EventStore store, boolean durable, String config) {
        CommandHandler<Command, OrderAggregate.State, OrderAggregate.Event> orders =
                CommandHandler.of(store, new OrderAggregate(), OrderDomain.codec(), c -> "order-" + c.orderId());
        OrderTask order = (caller, id, latencies) -> {
            long t0 = System.nanoTime();
            expectAccepted(orders.handle(
                    new Command.CreateOrder(id, "consumer-" + caller, 1250),
                    CommandContext.startingWith(UUID.randomUUID())));
            long t1 = System.nanoTime();
            expectAccepted(orders.handle(new Command.ApproveOrder(id), CommandContext.startingWith(UUID.randomUUID())));
            latencies.record(t1 - t0);
            latencies.record(System.nanoTime() - t1);
        };
        return measure(system, config, durable, null, scale.w1Limit(), order);
    }

    Row axon(String system, CommandGateway gateway, boolean durable, String config, String versus, boolean cached) {
        OrderTask order = (caller, id, latencies) -> {
            long t0 = System.nanoTime();
            gateway.sendAndWait(new Command.CreateOrder(id, "consumer-" + caller, 1250));
            long t1 = System.nanoTime();
            gateway.sendAndWait(new Command.ApproveOrder(id));
            latencies.record(t1 - t0);
            latencies.record(System.nanoTime() - t1);
        };
        return measure(system, config, durable, versus, cached ? scale.w1Limit() : scale.w1DefaultLimit(), order);
    }

    /** One order: create then approve, each command's latency recorded. */
    private interface OrderTask {
        void run(int caller, String orderId, dev.cairn.bench.measure.Latencies latencies) throws Exception;
    }

    private Row measure(String system, String config, boolean durable, String versus, Duration limit, OrderTask order) {
        // Warm-up orders have ids of their own, so the measured ones start on fresh aggregates.
        Callers.run(
                WORKLOAD + " " + system + " warm-up",
                Scale.W1_CALLERS,
                scale.w1Warmup(),
                limit,
                (caller, item, latencies) -> order.run(caller, "warm" + item, new dev.cairn.bench.measure.Latencies()));
        Callers.Measured m = Callers.run(
                WORKLOAD + " " + system,
                Scale.W1_CALLERS,
                scale.w1Orders(),
                limit,
                (caller, item, latencies) -> order.run(caller, Long.toString(item), latencies));
        return new Row(
                WORKLOAD,
                system,
                config,
                durable,
                m.perSecond(),
                UNIT,
                m.micros(0.5),
                m.micros(0.99),
                m.items(),
                m.planned(),
                m.seconds(),
                Machine.load1(),
                versus,
                Map.of("commands_per_sec", Math.round(2 * m.perSecond())));
    }

    private static void expectAccepted(CommandResult result) {
        if (!(result instanceof CommandResult.Accepted)) {
            throw new IllegalStateException("command not accepted: " + result);
        }
    }
}
