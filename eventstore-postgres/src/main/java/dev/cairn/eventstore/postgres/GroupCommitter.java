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
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Group commit in the client: appends from this process's threads queue here, and a writer thread
 * (one of {@code PostgresOptions.writers}) sends all that arrived while it was busy as one {@link GroupAppender} statement, so they
 * share one transaction and one WAL flush. An append the group statement did not take (expected
 * version mismatch), and every append of a group that hit a unique key (a concurrent writer
 * elsewhere, an idempotent retry), is then run on its own through {@link AppendOutcomes}, which
 * gives the exact answer.
 *
 * <p>Appenders are answered once their events are readable (below the horizon), so that an
 * acknowledged position is at or below {@code headPosition()}: the writer asks for the horizon
 * right after the commit, and while an older transaction holds it back, the following groups'
 * statements report it, or the writer asks again with a growing pause.
 */
final class GroupCommitter implements AutoCloseable {

    /** Most appends one group carries; with at most 10,000 events each it also bounds the events. */
    private static final int MAX_APPENDS = 64;

    private static final int MAX_EVENTS = 20_000;

    interface Connections {
        Connection get() throws SQLException;
    }

    private record Request(
            String streamId, ExpectedVersion expected, List<NewEvent> events, CompletableFuture<AppendResult> result) {}

    /** A committed group whose appenders wait for its events to be readable (or the wait to run out). */
    private record Unconfirmed(long lastPosition, long deadlineNanos, List<Runnable> answers) {
        long xid() {
            return Positions.xidOf(lastPosition);
        }
    }

    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Connections connections;
    private final GroupAppender group;
    private final AppendOutcomes single;
    private final LogReader reader;
    private final long readableWaitNanos;
    private final List<Thread> threads = new ArrayList<>();
    /** Told of positions known readable, so that waiting readers in this process wake without a round trip. */
    private final LongConsumer readable;

    private volatile boolean closed;
    private final LongAdder groups = new LongAdder();
    private final LongAdder grouped = new LongAdder();
    private final LongAdder horizonChecks = new LongAdder();

    GroupCommitter(
            String name,
            Connections connections,
            GroupAppender group,
            AppendOutcomes single,
            LogReader reader,
            Duration readableWait,
            int writers,
            LongConsumer readable) {
        this.readable = readable;
        this.connections = connections;
        this.group = group;
        this.single = single;
        this.reader = reader;
        this.readableWaitNanos = readableWait.toNanos();
        for (int i = 0; i < writers; i++) {
            threads.add(Thread.ofPlatform()
                    .daemon()
                    .name("cairn-pg-writer-" + name + "-" + i)
                    .unstarted(() -> new Writer().run()));
        }
    }

    void start() {
        threads.forEach(Thread::start);
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
            throw new EventStoreUnavailableException(
                    "interrupted while appending to " + streamId
                            + "; the append may or may not be committed (retrying it is safe)",
                    e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new EventStoreException("append to " + streamId + " failed", e.getCause());
        }
    }

    /**
     * One writer thread's state. Several writers share the queue: each forms and commits its own
     * groups, so the inserting work of large batches runs on several PostgreSQL backends at once.
     */
    private final class Writer {
        private final Deque<Request> deferred = new ArrayDeque<>();
        private final Deque<Unconfirmed> unconfirmed = new ArrayDeque<>();
        private long pauseMicros;

        private void run() {
            while (!closed || !unconfirmed.isEmpty()) {
                List<Request> batch;
                try {
                    batch = closed ? List.of() : nextGroup(unconfirmed.isEmpty());
                } catch (InterruptedException e) {
                    break;
                }
                if (!batch.isEmpty()) {
                    commit(batch);
                } else if (!unconfirmed.isEmpty()) {
                    checkHorizon();
                }
            }
            unconfirmed.forEach(u -> u.answers().forEach(Runnable::run));
            failQueued();
            failAll(new ArrayList<>(deferred));
            deferred.clear();
        }

        /** Takes what is queued, one append per stream; a second append to a stream waits for the next group. */
        private List<Request> nextGroup(boolean mayWait) throws InterruptedException {
            List<Request> batch = new ArrayList<>();
            Set<String> streams = new HashSet<>();
            int events = 0;
            Deque<Request> later = new ArrayDeque<>();
            while (batch.size() < MAX_APPENDS) {
                Request next = !deferred.isEmpty()
                        ? deferred.poll()
                        : batch.isEmpty() && mayWait ? queue.poll(100, TimeUnit.MILLISECONDS) : queue.poll();
                if (next == null) {
                    break;
                }
                if (!batch.isEmpty()
                        && (streams.contains(next.streamId())
                                || events + next.events().size() > MAX_EVENTS)) {
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
                GroupAppender.Result result;
                groups.increment();
                grouped.add(batch.size());
                try {
                    result = group.insert(
                            connection,
                            batch.stream()
                                    .map(r -> new GroupAppender.Append(r.streamId(), r.expected(), r.events()))
                                    .toList());
                    confirmBelow(result.horizonXid());
                } catch (SQLException e) {
                    if (SqlErrors.violatedUniqueConstraint(e) == null) {
                        throw e;
                    }
                    result = new GroupAppender.Result(
                            Map.of(), 0); // the group rolled back: every append goes on its own
                }
                long lastPosition = 0;
                List<Runnable> answers = new ArrayList<>(batch.size());
                for (Request request : batch) {
                    GroupAppender.Outcome outcome = result.outcomes().get(request.streamId());
                    if (outcome != null
                            && outcome.inserted() == request.events().size()) {
                        lastPosition = Math.max(lastPosition, outcome.lastPosition());
                        AppendResult appended = new AppendResult(
                                request.streamId(),
                                outcome.currentVersion() + 1,
                                outcome.currentVersion() + request.events().size(),
                                outcome.lastPosition(),
                                false);
                        answers.add(() -> request.result().complete(appended));
                    } else {
                        appendAlone(connection, request);
                    }
                }
                if (lastPosition > 0) {
                    unconfirmed.add(new Unconfirmed(lastPosition, System.nanoTime() + readableWaitNanos, answers));
                    pauseMicros = 0;
                    // Usually readable at once: answering the whole group now lets its writers form the next group
                    // together.
                    horizonChecks.increment();
                    confirmBelow(reader.horizonXid(connection));
                }
            } catch (SQLException e) {
                batch.forEach(
                        r -> r.result().completeExceptionally(SqlErrors.translate("append to " + r.streamId(), e)));
            } catch (RuntimeException e) {
                batch.forEach(r -> r.result().completeExceptionally(e));
            }
        }

        private void appendAlone(Connection connection, Request request) {
            try {
                AppendResult result =
                        single.append(connection, request.streamId(), request.expected(), request.events());
                if (!result.duplicate()) {
                    awaitReadable(
                            connection, Positions.xidOf(result.lastPosition()), System.nanoTime() + readableWaitNanos);
                }
                request.result().complete(result);
            } catch (SQLException e) {
                request.result().completeExceptionally(SqlErrors.translate("append to " + request.streamId(), e));
            } catch (RuntimeException e) {
                request.result().completeExceptionally(e);
            }
        }

        /** Nothing else to send: asks for the horizon, backing off while an older transaction stays open. */
        private void checkHorizon() {
            if (pauseMicros > 0) {
                LockSupport.parkNanos(pauseMicros * 1_000);
            }
            horizonChecks.increment();
            try (Connection connection = connections.get()) {
                confirmBelow(reader.horizonXid(connection));
            } catch (SQLException | RuntimeException e) {
                confirmBelow(0); // committed all the same: readability is a courtesy, the answer is the commit
            }
            pauseMicros = Math.min(Math.max(20, pauseMicros * 2), 2_000);
        }

        /** Answers, in commit order, the groups whose xid is below the horizon or whose wait ran out. */
        private void confirmBelow(long horizonXid) {
            long now = System.nanoTime();
            while (!unconfirmed.isEmpty()
                    && (unconfirmed.peek().xid() < horizonXid
                            || now - unconfirmed.peek().deadlineNanos() >= 0)) {
                Unconfirmed confirmed = unconfirmed.poll();
                if (confirmed.xid() < horizonXid) {
                    readable.accept(confirmed.lastPosition());
                }
                confirmed.answers().forEach(Runnable::run);
            }
        }
    }

    private void awaitReadable(Connection connection, long xid, long deadlineNanos) throws SQLException {
        long pause = 20;
        while (reader.horizonXid(connection) <= xid && System.nanoTime() < deadlineNanos) {
            LockSupport.parkNanos(pause * 1_000);
            pause = Math.min(pause * 2, 2_000);
        }
    }

    /** Groups sent, appends they carried, and separate horizon checks, for diagnostics. */
    String statistics() {
        return groups.sum() + " groups, " + grouped.sum() + " appends, " + horizonChecks.sum() + " horizon checks";
    }

    private void failQueued() {
        List<Request> pending = new ArrayList<>();
        queue.drainTo(pending);
        failAll(pending);
    }

    private static void failAll(List<Request> pending) {
        pending.forEach(r -> r.result()
                .completeExceptionally(new EventStoreUnavailableException("the PostgreSQL event store is closed")));
    }

    /** Finishes the group in hand (the writer polls, so no interrupt is needed) and fails the queued ones. */
    @Override
    public void close() {
        closed = true;
        try {
            for (Thread thread : threads) {
                thread.join(30_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failQueued();
    }
}
