package dev.cairn.testing;

import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.ProcessManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.opentest4j.AssertionFailedError;

/**
 * Given a history of events, when one more, then the commands a process manager sends and the
 * state of its instances. Events are handled as the runtime does: each goes to the instance
 * {@link ProcessManager#instanceOf} names, which evolves and reacts to the transition.
 *
 * <pre>{@code
 * ProcessManagerFixture.of(new TransferProcess())
 *         .given(new TransferRequested("acc-1", "t-1", "acc-2", 30))
 *         .when(new Withdrawn("acc-1", 30, "t-1"))
 *         .thenCommands(new Deposit("acc-2", 30, "t-1"))
 *         .thenAllCommands(new Withdraw("acc-1", 30, "t-1"), new Deposit("acc-2", 30, "t-1"));
 * }</pre>
 *
 * <p>The last event is reacted to twice from the same state, as after a crash between sending and
 * checkpointing; the fixture fails unless both yield the same commands.
 *
 * @param <S> the state of one instance
 * @param <E> the events it follows
 * @param <C> the commands it sends
 */
public final class ProcessManagerFixture<S, E, C> {

    /** The processor name used when none is given; it only feeds the derived command ids. */
    public static final String DEFAULT_NAME = "process";

    private final ProcessManager<S, E, C> manager;
    private final Map<String, S> states = new HashMap<>();
    private final List<E> history = new ArrayList<>();
    private final List<SentCommand<C>> sent = new ArrayList<>();
    private String name = DEFAULT_NAME;
    private SyntheticLog<E> log = SyntheticLog.create();

    private ProcessManagerFixture(ProcessManager<S, E, C> manager) {
        this.manager = Objects.requireNonNull(manager, "manager");
    }

    public static <S, E, C> ProcessManagerFixture<S, E, C> of(ProcessManager<S, E, C> manager) {
        return new ProcessManagerFixture<>(manager);
    }

    /** The processor name the process manager runs under, from which command ids are derived. */
    public ProcessManagerFixture<S, E, C> named(String processorName) {
        this.name = Objects.requireNonNull(processorName, "processorName");
        return this;
    }

    /** Puts each event into the stream {@code streamOf} names for it. Call before the first {@code given}. */
    public ProcessManagerFixture<S, E, C> streamIds(Function<? super E, String> streamOf) {
        this.log = log.withStreamIds(streamOf);
        return this;
    }

    /** Events handled before the one under test; the commands they send count towards {@code thenAllCommands}. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, never stored or written
    public final ProcessManagerFixture<S, E, C> given(E... events) {
        return given(Arrays.asList(events));
    }

    /** Events handled before the one under test; calls add up. */
    public ProcessManagerFixture<S, E, C> given(List<? extends E> events) {
        for (E event : events) {
            handle(log.append(event));
        }
        return this;
    }

    /**
     * Handles the event under test.
     *
     * @throws AssertionFailedError when reacting to it again from the same state sends other commands
     */
    public ProcessManagerOutcome<S, E, C> when(E event) {
        Envelope<E> envelope = log.append(event);
        Scenario scenario = new Scenario(history, event);
        Optional<String> instance = manager.instanceOf(event);
        S before = instance.map(this::stateOf).orElse(null);
        List<SentCommand<C>> first = handle(envelope);
        if (instance.isPresent()) {
            // As after a crash between sending and checkpointing: the same event, from the same state.
            List<SentCommand<C>> again = react(before, manager.evolve(before, event), envelope);
            if (!first.equals(again)) {
                throw scenario.failure(
                                "the process manager is not idempotent: handling the event again from the same state sends other commands")
                        .expected(Failure.numbered(first), Failure.numbered(again));
            }
        }
        return new ProcessManagerOutcome<>(
                scenario, instance, first, List.copyOf(sent), Collections.unmodifiableMap(new HashMap<>(states)));
    }

    private List<SentCommand<C>> handle(Envelope<E> envelope) {
        history.add(envelope.event());
        Optional<String> instance = manager.instanceOf(envelope.event());
        if (instance.isEmpty()) {
            return List.of();
        }
        S before = stateOf(instance.get());
        S after = manager.evolve(before, envelope.event());
        List<SentCommand<C>> commands = react(before, after, envelope);
        states.put(instance.get(), after);
        sent.addAll(commands);
        return commands;
    }

    private List<SentCommand<C>> react(S before, S after, Envelope<E> envelope) {
        return SentCommand.reactingTo(name, envelope, manager.react(before, after, envelope));
    }

    private S stateOf(String instance) {
        return states.getOrDefault(instance, manager.initialState());
    }
}
