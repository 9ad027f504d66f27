package dev.cairn.testing;

import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.Reaction;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.opentest4j.AssertionFailedError;

/**
 * When an event, then the commands a reaction sends. The event is delivered twice, as
 * at-least-once delivery may: the fixture fails unless the second delivery yields the same
 * commands, with the same derived {@link dev.cairn.core.command.CommandContext} ids, since only
 * then does the store recognise the second send as a retry.
 *
 * <pre>{@code
 * ReactionFixture.of(new WhenLargeDepositThenFlagAccount())
 *         .when(new Deposited("acc-1", 20_000, ""))
 *         .thenCommands(new Flag("acc-1", "LARGE_DEPOSIT"));
 * }</pre>
 *
 * @param <E> the events it reacts to
 * @param <C> the commands it sends
 */
public final class ReactionFixture<E, C> {

    /** The sender name used when none is given; it only feeds the derived command ids. */
    public static final String DEFAULT_NAME = "reaction";

    private final Reaction<E, C> reaction;
    private String name = DEFAULT_NAME;
    private SyntheticLog<E> log = SyntheticLog.create();

    private ReactionFixture(Reaction<E, C> reaction) {
        this.reaction = Objects.requireNonNull(reaction, "reaction");
    }

    public static <E, C> ReactionFixture<E, C> of(Reaction<E, C> reaction) {
        return new ReactionFixture<>(reaction);
    }

    /** The processor name the reaction runs under, from which command ids are derived. */
    public ReactionFixture<E, C> named(String processorName) {
        this.name = Objects.requireNonNull(processorName, "processorName");
        return this;
    }

    /** Puts each event into the stream {@code streamOf} names for it. */
    public ReactionFixture<E, C> streamIds(Function<? super E, String> streamOf) {
        this.log = SyntheticLog.create(streamOf);
        return this;
    }

    /**
     * Delivers {@code event} in a synthetic envelope (see {@link SyntheticLog}), then delivers it again.
     *
     * @throws AssertionFailedError when the redelivery yields other commands
     */
    public ReactionOutcome<E, C> when(E event) {
        return when(log.append(event));
    }

    /**
     * Delivers an envelope made by hand (for a chosen correlation id, say), then delivers it again.
     *
     * @throws AssertionFailedError when the redelivery yields other commands
     */
    public ReactionOutcome<E, C> when(Envelope<E> envelope) {
        Objects.requireNonNull(envelope, "envelope");
        List<SentCommand<C>> first = SentCommand.reactingTo(name, envelope, reaction.react(envelope));
        List<SentCommand<C>> again = SentCommand.reactingTo(name, envelope, reaction.react(envelope));
        if (!first.equals(again)) {
            throw Failure.of("the reaction is not idempotent: redelivering the event sends other commands")
                    .item("when", envelope.event())
                    .expected(Failure.numbered(first), Failure.numbered(again));
        }
        return new ReactionOutcome<>(envelope, first);
    }
}
