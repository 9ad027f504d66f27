package dev.cairn.core.query;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * The query side of a read model: questions asked of a read-only view, answered with the log
 * position the view had processed, and, on request, only once it has processed a given position
 * (read-your-writes).
 *
 * <pre>{@code
 * var totals = new ReadSide<CounterTotals>(totalsView, totalsProcessor);
 * Answer<Integer> answer = totals.ask(view -> view.total("a"), accepted.position(), Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Here {@code CounterTotals} is the view's question-shaped interface ({@code int total(String id)}),
 * {@code totalsProcessor} the tracking processor that feeds it, and {@code accepted} the
 * {@link dev.cairn.core.command.CommandResult.Accepted} of a command whose effect the answer must
 * show. The example uses the toy counter of core's tests and runs there as written
 * ({@code JavadocExamplesTest}).
 *
 * @param <V> the view's read-only, question-shaped interface; a query cannot change state because
 *            the view it is given offers nothing that does
 */
public final class ReadSide<V> {

    private final V view;
    private final ProcessedPosition progress;

    public ReadSide(V view, ProcessedPosition progress) {
        this.view = Objects.requireNonNull(view, "view");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** An answer and the position the view had processed before it was computed (a lower bound). */
    public record Answer<R>(R value, long position) {}

    /** Answers now, however far behind the view is. */
    public <R> Answer<R> ask(Function<? super V, ? extends R> question) {
        long position = progress.position();
        return new Answer<>(question.apply(view), position);
    }

    /**
     * Answers once the view has processed {@code consistentWith}.
     *
     * @throws ConsistencyTimeoutException when it has not within {@code timeout}
     */
    public <R> Answer<R> ask(Function<? super V, ? extends R> question, long consistentWith, Duration timeout) {
        awaitProcessed(progress, consistentWith, timeout);
        return ask(question);
    }

    public long position() {
        return progress.position();
    }

    /**
     * Waits until {@code view} has processed {@code position}.
     *
     * @throws ConsistencyTimeoutException when it has not within {@code timeout}
     */
    public static void awaitProcessed(ProcessedPosition view, long position, Duration timeout) {
        try {
            if (!view.awaitPosition(position, timeout)) {
                throw new ConsistencyTimeoutException(position, view.position(), timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsistencyTimeoutException(position, view.position(), Duration.ZERO);
        }
    }
}
