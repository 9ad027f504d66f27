package dev.cairn.testing;

import dev.cairn.core.processing.Envelope;
import java.util.Arrays;
import java.util.List;

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
            throw Failure.of("the reaction sent other commands than expected").item("when", event.event())
                    .expected(Failure.numbered(expected), Failure.numbered(commands));
        }
        return this;
    }

    /** Expects the event to call for no command. */
    public ReactionOutcome<E, C> thenNothing() {
        return thenCommands(List.of());
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
