package dev.cairn.bench.jmh;

import dev.cairn.bench.jmh.OrderAggregate.Command;
import dev.cairn.bench.jmh.OrderAggregate.Event;
import dev.cairn.core.command.CommandContext;
import dev.cairn.core.command.CommandHandler;
import dev.cairn.core.command.CommandResult;
import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.json.JsonEventCodec;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * In-memory command handling: load (through the state cache), decide, encode with the JSON codec,
 * append with the expected version. One operation is one order created then approved (two
 * commands on one event-sourced aggregate).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class CommandHandlingBenchmark {

    @Param({"10000"})
    public int cacheSize;

    private InMemoryEventStore store;
    private CommandHandler<Command, OrderAggregate.State, Event> orders;
    private final AtomicLong sequence = new AtomicLong();

    @Setup(Level.Iteration)
    public void setUp() {
        store = new InMemoryEventStore();
        var codec = JsonEventCodec.builder(Event.class)
                .register("bench.OrderCreated", Event.OrderCreated.class)
                .register("bench.OrderApproved", Event.OrderApproved.class)
                .build();
        orders = CommandHandler.of(store, new OrderAggregate(), codec, c -> "order-" + c.orderId(), cacheSize, 8);
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
        store.close();
    }

    @Benchmark
    public CommandResult createThenApprove() {
        String id = Long.toString(sequence.incrementAndGet());
        CommandResult created = orders.handle(
                new Command.CreateOrder(id, "consumer-1", 1250), CommandContext.startingWith(UUID.randomUUID()));
        if (!created.accepted()) {
            throw new IllegalStateException("create rejected: " + created);
        }
        return orders.handle(new Command.ApproveOrder(id), CommandContext.startingWith(UUID.randomUUID()));
    }
}
