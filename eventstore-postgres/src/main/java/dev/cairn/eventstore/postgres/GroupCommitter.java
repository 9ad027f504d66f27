package dev.cairn.eventstore.postgres;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.EventStoreException;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Group commit in the client: appends from this process's threads queue here, and one writer
 * thread sends all that arrived while it was busy as one {@link GroupAppender} statement, so they
 * share one transaction, one WAL flush and one readability check. The happy path is that single
 * round trip; an append the group statement did not take (expected version mismatch) and every
 * append of a group that hit a unique key (a concurrent writer elsewhere, an idempotent retry) is
 * then run on its own through {@link AppendOutcomes}, which gives the exact answer.
 */
final class GroupCommitter implements AutoCloseable {

    /** Most appends one group carries; with at most 10,000 events each it also bounds the events. */
    private static final int MAX_APPENDS = 64;
    private static final int MAX_EVENTS = 20_000;

    interface Connections {
        Connection get() throws SQLException;
    }


    private record Request(String streamId, ExpectedVersion expected, List<NewEvent> events,
                           CompletableFuture<AppendResult> result) {}

    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Deque<Request> deferred = new ArrayDeque<>();
    private final Connections connections;
    private final GroupAppender group;
    private final AppendOutcomes single;
    private final LongConsumer hint;
    private final LogReader reader;
    private final long readableWaitNanos;
    private final LinkedBlockingQueue<Confirmation> confirmations = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Thread confirmer;
    private volatile boolean closed;

    /** A committed group whose appenders are answered once its events are readable (or the wait ran out). */
    private record Confirmation(long lastPosition, long deadlineNanos, List<Runnable> answers) {}

    GroupCommitter(String name, Connections connections, GroupAppender group, AppendOutcomes single, LogReader reader,
                   LongConsumer hint, Duration readableWait) {
        this.connections = connections;
        this.group = group;
        this.single = single;
        this.reader = reader;
        this.hint = hint;
        this.readableWaitNanos = readableWait.toNanos();
        this.thread = Thread.ofPlatform().daemon().name("cairn-pg-writer-" + name).unstarted(this::run);
        this.confirmer = Thread.ofPlatform().daemon().name("cairn-pg-confirm-" + name).unstarted(this::confirm);
    }

    void start() {
        thread.start();
        confirmer.start();
    }

    AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        Request request = new Request(streamId, expected, events, new CompletableFuture<>());
        queue.add(request);
        if (closed) {
            failQueued();
        }
        try {
            return request.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreUnavailableException("interrupted while appending to " + streamId
                    + "; the append may or may not be committed (retrying it is safe)", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new EventStoreException("append to " + streamId + " failed", e.getCause());
        }
    }

    private void run() {
        while (!closed) {
            List<Request> batch;
            try {
                batch = nextGroup();
            } catch (InterruptedException e) {
                break;
            }
            if (!batch.isEmpty()) {
                commit(batch);
            }
        }
        failQueued();
        failAll(new ArrayList<>(deferred));
        deferred.clear();
    }

    /** Takes what is queued, one append per stream; a second append to a stream waits for the next group. */
    private List<Request> nextGroup() throws InterruptedException {
        List<Request> batch = new ArrayList<>();
        Set<String> streams = new HashSet<>();
        int events = 0;
        Deque<Request> later = new ArrayDeque<>();
        while (batch.size() < MAX_APPENDS) {
            Request next = deferred.isEmpty() ? (batch.isEmpty() ? queue.poll(100, TimeUnit.MILLISECONDS) : queue.poll()) : deferred.poll();
            if (next == null) {
                break;
            }
            if (!batch.isEmpty() && (streams.contains(next.streamId()) || events + next.events().size() > MAX_EVENTS)) {
                later.add(next);
                continue;
            }
            batch.add(next);
            streams.add(next.streamId());
            events += next.events().size();
        }
        deferred.addAll(later);
        return batch;
    }

    private void commit(List<Request> batch) {
        try (Connection connection = connections.get()) {
            Map<String, GroupAppender.Outcome> outcomes;
            try {
                outcomes = group.insert(connection, batch.stream()
                        .map(r -> new GroupAppender.Append(r.streamId(), r.expected(), r.events())).toList());
            } catch (SQLException e) {
                if (SqlErrors.violatedUniqueConstraint(e) == null) {
                    throw e;
                }
                outcomes = Map.of(); // the group rolled back: every append goes on its own
            }
            long lastPosition = 0;
            List<Runnable> answers = new ArrayList<>(batch.size());
            for (Request request : batch) {
                GroupAppender.Outcome outcome = outcomes.get(request.streamId());
                if (outcome != null && outcome.inserted() == request.events().size()) {
                    lastPosition = Math.max(lastPosition, outcome.lastPosition());
                    AppendResult result = new AppendResult(request.streamId(), outcome.currentVersion() + 1,
                            outcome.currentVersion() + request.events().size(), outcome.lastPosition(), false);
                    answers.add(() -> request.result().complete(result));
                } else {
                    appendAlone(connection, request);
                }
            }
            if (lastPosition > 0) {
                hint.accept(Positions.xidOf(lastPosition));
                // Checked on another thread, so the next group is sent meanwhile.
                confirmations.add(new Confirmation(lastPosition, System.nanoTime() + readableWaitNanos, answers));
            }
        } catch (SQLException e) {
            batch.forEach(r -> r.result().completeExceptionally(SqlErrors.translate("append to " + r.streamId(), e)));
        } catch (RuntimeException e) {
            batch.forEach(r -> r.result().completeExceptionally(e));
        }
    }

    private void appendAlone(Connection connection, Request request) {
        try {
            AppendResult result = single.append(connection, request.streamId(), request.expected(), request.events());
            if (!result.duplicate()) {
                hint.accept(Positions.xidOf(result.lastPosition()));
                awaitReadable(connection, result.lastPosition(), System.nanoTime() + readableWaitNanos);
            }
            request.result().complete(result);
        } catch (SQLException e) {
            request.result().completeExceptionally(SqlErrors.translate("append to " + request.streamId(), e));
        } catch (RuntimeException e) {
            request.result().completeExceptionally(e);
        }
    }

    /**
     * Answers committed groups in commit order once no older transaction is open, so that an
     * acknowledged position is at or below {@code headPosition()} (read-your-writes for log readers).
     */
    private void confirm() {
        while (true) {
            Confirmation next;
            try {
                next = confirmations.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                if (closed && !thread.isAlive()) {
                    return;
                }
                continue;
            }
            try (Connection connection = connections.get()) {
                awaitReadable(connection, next.lastPosition(), next.deadlineNanos());
            } catch (SQLException | RuntimeException e) {
                // Committed all the same: readability is a courtesy, the answer is the commit.
            }
            next.answers().forEach(Runnable::run);
        }
    }

    /** Waits until no transaction older than the one that wrote {@code position} is open, or the deadline. */
    private void awaitReadable(Connection connection, long position, long deadlineNanos) throws SQLException {
        long pauseMicros = 20;
        while (reader.horizonXid(connection) <= Positions.xidOf(position) && System.nanoTime() < deadlineNanos) {
            LockSupport.parkNanos(pauseMicros * 1_000);
            pauseMicros = Math.min(pauseMicros * 2, 2_000);
        }
    }

    private void failQueued() {
        List<Request> pending = new ArrayList<>();
        queue.drainTo(pending);
        failAll(pending);
    }

    private static void failAll(List<Request> pending) {
        pending.forEach(r -> r.result().completeExceptionally(
                new EventStoreUnavailableException("the PostgreSQL event store is closed")));
    }

    /** Finishes the group in hand (the writer polls, so no interrupt is needed) and fails the queued ones. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(30_000);
            confirmer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failQueued();
    }
}
