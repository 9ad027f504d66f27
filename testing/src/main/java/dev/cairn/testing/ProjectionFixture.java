package dev.cairn.testing;

import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.Projection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * Given events, then a query on the read model answers as expected. Events are wrapped into
 * envelopes by a {@link SyntheticLog}, so positions, stream versions and ids are deterministic.
 *
 * <pre>{@code
 * ProjectionFixture.of(BalancesView::new)
 *         .streamIds(AccountEvent::accountId)
 *         .given(new Opened("acc-1", "Ada"), new Deposited("acc-1", 50, ""), new Withdrawn("acc-1", 20, ""))
 *         .then(view -> view.balanceOf("acc-1"), 30L)
 *         .thenIdempotent(view -> view.balanceOf("acc-1"));
 * }</pre>
 *
 * <p>The fixture keeps one read model, made on first use, and applies each given event to it
 * once; a later {@code given} adds to it, so a test can check the model step by step.
 * {@link #thenIdempotent} builds further models from the supplier, which should therefore make a
 * new, empty read model on every call. A fixture is for one test; it is not thread-safe.
 *
 * @param <E> the events the projection reads
 * @param <P> the projection, which holds (or writes) the read model the queries read
 */
public final class ProjectionFixture<E, P extends Projection<E>> {

    private final Supplier<? extends P> projections;
    private final List<Envelope<E>> given = new ArrayList<>();
    private SyntheticLog<E> log = SyntheticLog.create();
    private P model;
    private int applied;

    private ProjectionFixture(Supplier<? extends P> projections) {
        this.projections = Objects.requireNonNull(projections, "projections");
    }

    /** A fixture over read models made by {@code projections}, e.g. {@code BalancesView::new}. */
    public static <E, P extends Projection<E>> ProjectionFixture<E, P> of(Supplier<? extends P> projections) {
        return new ProjectionFixture<>(projections);
    }

    /**
     * Puts each given event into the stream {@code streamOf} names for it (by default every event
     * goes to {@link SyntheticLog#DEFAULT_STREAM}). Call before the first {@code given}.
     */
    public ProjectionFixture<E, P> streamIds(Function<? super E, String> streamOf) {
        this.log = log.withStreamIds(streamOf);
        return this;
    }

    /** Events from the log, in order; calls add up. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, never stored or written
    public final ProjectionFixture<E, P> given(E... events) {
        return given(Arrays.asList(events));
    }

    /** Events from the log, in order; calls add up. */
    public ProjectionFixture<E, P> given(List<? extends E> events) {
        given.addAll(log.appendAll(events));
        return this;
    }

    /** Events of one stream, whatever {@link #streamIds} would say. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, never stored or written
    public final ProjectionFixture<E, P> givenOn(String streamId, E... events) {
        for (E event : events) {
            given.add(log.append(streamId, event));
        }
        return this;
    }

    /** Expects {@code query} on the read model to answer {@code expected}. */
    public <R> ProjectionFixture<E, P> then(Function<? super P, ? extends R> query, R expected) {
        Object actual = query.apply(readModel());
        if (!Objects.equals(actual, expected)) {
            throw Failure.of("the read model answered the query differently")
                    .list("given", described())
                    .expected(Failure.shown(expected, actual), Failure.shown(actual, expected));
        }
        return this;
    }

    /**
     * Runs assertions of your own on the read model; an {@link AssertionError} they throw is
     * reported with the given events.
     */
    public ProjectionFixture<E, P> thenSatisfies(Consumer<? super P> assertions) {
        P readModel = readModel();
        try {
            assertions.accept(readModel);
        } catch (AssertionError failure) {
            AssertionFailedError report = Failure.of("the read model failed assertions")
                    .list("given", described())
                    .item("failure", String.valueOf(failure.getMessage()).strip())
                    .error();
            report.initCause(failure);
            throw report;
        }
        return this;
    }

    /**
     * Expects the same answer after redelivery, as at-least-once delivery brings: once with every
     * event delivered twice in a row, and once with the whole history delivered a second time. Both
     * are compared with the answer after each event was applied once.
     */
    public <R> ProjectionFixture<E, P> thenIdempotent(Function<? super P, ? extends R> query) {
        Object once = query.apply(readModel());
        P twiceInARow = projections.get();
        for (Envelope<E> event : given) {
            twiceInARow.apply(event);
            twiceInARow.apply(event);
        }
        checkSameAnswer("every event delivered twice in a row", once, query.apply(twiceInARow));
        P historyTwice = projections.get();
        given.forEach(historyTwice::apply);
        given.forEach(historyTwice::apply);
        checkSameAnswer("the whole history delivered twice", once, query.apply(historyTwice));
        return this;
    }

    /** The read model after every given event, for assertions of your own. */
    public P readModel() {
        if (model == null) {
            model = Objects.requireNonNull(projections.get(), "the projection supplier returned null");
        }
        for (; applied < given.size(); applied++) {
            model.apply(given.get(applied));
        }
        return model;
    }

    /** The envelopes the given events were wrapped into, in log order. */
    public List<Envelope<E>> envelopes() {
        return List.copyOf(given);
    }

    /** The given events with where the log put them: projections often key on stream and version. */
    private List<String> described() {
        return given.stream()
                .map(e -> e.event() + " (stream " + e.streamId() + ", version " + e.version() + ")")
                .toList();
    }

    private void checkSameAnswer(String redelivery, Object once, Object redelivered) {
        if (!Objects.equals(once, redelivered)) {
            throw Failure.of("the projection is not idempotent: " + redelivery + " changed the answer")
                    .list("given", described())
                    .expected(Failure.shown(once, redelivered), Failure.shown(redelivered, once));
        }
    }
}
