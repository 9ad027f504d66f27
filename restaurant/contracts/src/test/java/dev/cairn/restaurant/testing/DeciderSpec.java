package dev.cairn.restaurant.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.model.Decider;
import dev.cairn.core.model.Rejection;
import java.util.List;
import org.assertj.core.api.AbstractStringAssert;

/**
 * Given events, when a command, then events or a rejection: a decider test as data in, data out.
 *
 * <pre>{@code
 * spec.given(new OrderCreated(...)).when(new ApproveOrder("o1")).thenEvents(new OrderApproved("o1"));
 * }</pre>
 */
public final class DeciderSpec<C, S, E> {

    private final Decider<C, S, E> decider;

    private DeciderSpec(Decider<C, S, E> decider) {
        this.decider = decider;
    }

    public static <C, S, E> DeciderSpec<C, S, E> of(Decider<C, S, E> decider) {
        return new DeciderSpec<>(decider);
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read
    public final Given given(E... history) {
        return new Given(decider.fold(List.of(history)));
    }

    public Given givenNothing() {
        return new Given(decider.initialState());
    }

    /** The state the history folded into. */
    public final class Given {
        private final S state;

        private Given(S state) {
            this.state = state;
        }

        public Outcome when(C command) {
            try {
                return new Outcome(state, decider.decide(command, state), null);
            } catch (Rejection rejection) {
                return new Outcome(state, List.of(), rejection);
            }
        }

        public S state() {
            return state;
        }
    }

    /** What the decider answered. */
    public final class Outcome {
        private final S before;
        private final List<E> events;
        private final Rejection rejection;

        private Outcome(S before, List<E> events, Rejection rejection) {
            this.before = before;
            this.events = events;
            this.rejection = rejection;
        }

        @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read
        public final Outcome thenEvents(E... expected) {
            assertThat(rejection).as("rejection").isNull();
            assertThat(events).containsExactly(expected);
            return this;
        }

        /** Accepted with nothing to do: the idempotent answer to a repeated command. */
        public Outcome thenNoEvents() {
            assertThat(rejection).as("rejection").isNull();
            assertThat(events).isEmpty();
            return this;
        }

        /** Refused with this kind and reason; returns an assertion on the message. */
        public AbstractStringAssert<?> thenRejected(Rejection.Kind kind, String reason) {
            assertThat(rejection).as("rejection of kind " + kind).isNotNull();
            assertThat(rejection.kind()).isEqualTo(kind);
            assertThat(rejection.reason()).isEqualTo(reason);
            return assertThat(rejection.getMessage());
        }

        /** The state after the events, folded with the decider's own evolve. */
        public S thenState() {
            assertThat(rejection).as("rejection").isNull();
            S state = before;
            for (E event : events) {
                state = decider.evolve(state, event);
            }
            return state;
        }
    }
}
