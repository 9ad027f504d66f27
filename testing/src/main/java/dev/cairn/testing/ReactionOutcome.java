package dev.cairn.testing;

import dev.cairn.core.model.Decider;
import dev.cairn.core.model.Rejection;
import dev.cairn.core.processing.Envelope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * The commands a {@link ReactionFixture} reaction sent for one event.
 *
 * @param <E> the event
 * @param <C> the commands
 */
public final class ReactionOutcome<E, C> {

    private final Envelope<E> event;
    private final List<SentCommand<C>> sent;

    ReactionOutcome(Envelope<E> event, List<SentCommand<C>> sent) {
        this.event = event;
        this.sent = sent;
    }

    /** Expects exactly these commands, in this order. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, never stored or written
    public final ReactionOutcome<E, C> thenCommands(C... expected) {
        return thenCommands(Arrays.asList(expected));
    }

    /** Expects exactly these commands, in this order. */
    public ReactionOutcome<E, C> thenCommands(List<? extends C> expected) {
        List<C> commands = commands();
        if (!commands.equals(expected)) {
            throw Failure.of("the reaction sent other commands than expected")
                    .item("when", event.event())
                    .expected(Failure.numbered(expected), Failure.numbered(commands));
        }
        return this;
    }

    /** Expects the event to call for no command. */
    public ReactionOutcome<E, C> thenNothing() {
        return thenCommands(List.of());
    }

    /**
     * Expects the commands sent to be decided once and only once: {@code decider}, in the state
     * {@code history} leads to, accepts them in order; then it decides the same commands again, as
     * when a redelivered event sends them again and the store does not recognise them as retries
     * (it dropped its record of the ids, or never kept one), and that must produce no events.
     *
     * @param history the events of the commands' stream before the event under test
     * @return the state after the commands were decided once, for assertions of your own
     * @throws AssertionFailedError when the decider rejects a command, or deciding it again produces events
     */
    public <S, V> S thenDecidedOnceBy(Decider<? super C, S, V> decider, List<? extends V> history) {
        S state = decider.fold(history);
        List<V> produced = new ArrayList<>();
        for (C command : commands()) {
            for (V decided :
                    decide(decider, command, state, history, "the decider rejected a command the reaction sent")) {
                produced.add(decided);
                state = decider.evolve(state, decided);
            }
        }
        for (C command : commands()) {
            List<V> again = decide(
                    decider,
                    command,
                    state,
                    history,
                    "the decider rejected a command the reaction sent, when it was sent again");
            if (!again.isEmpty()) {
                throw Failure.of(
                                "deciding a command again produced events: a redelivered event would change the stream twice")
                        .item("when", event.event())
                        .list("history", history)
                        .list("decided once", produced)
                        .item("decided again", command)
                        .expected(Failure.numbered(List.of()), Failure.numbered(again));
            }
        }
        return state;
    }

    private <S, V> List<V> decide(
            Decider<? super C, S, V> decider, C command, S state, List<? extends V> history, String headline) {
        try {
            return decider.decide(command, state);
        } catch (Rejection rejection) {
            throw Failure.of(headline)
                    .item("when", event.event())
                    .list("history", history)
                    .item("command", command)
                    .item("rejected", rejection.kind() + " " + rejection.reason() + ": " + rejection.getMessage())
                    .error();
        }
    }

    /** The commands sent, in order. */
    public List<C> commands() {
        return sent.stream().map(SentCommand::command).toList();
    }

    /** The commands sent with their contexts, for assertions on ids, correlation and causation. */
    public List<SentCommand<C>> sent() {
        return sent;
    }

    /** The envelope that was delivered. */
    public Envelope<E> event() {
        return event;
    }
}
