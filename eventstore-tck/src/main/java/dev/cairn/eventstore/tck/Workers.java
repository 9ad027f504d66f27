package dev.cairn.eventstore.tck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads for the concurrent scenarios; closing stops any still running, so a hung store cannot leak threads into later tests. */
final class Workers implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutorService executor;

    Workers(int threads) {
        String prefix = "cairn-tck-" + POOLS.incrementAndGet() + "-";
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(
                threads,
                runnable -> Thread.ofPlatform()
                        .daemon()
                        .name(prefix + count.incrementAndGet())
                        .unstarted(runnable));
    }

    <T> Future<T> submit(Callable<T> task) {
        return executor.submit(task);
    }

    /** The task's result; its failure is rethrown as is when it is an assertion or unchecked exception. */
    static <T> T result(Future<T> future, Duration timeout) throws InterruptedException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError("a worker failed", cause);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("a worker did not finish within " + timeout, e);
        }
    }

    static <T> List<T> results(List<Future<T>> futures, Duration timeout) throws InterruptedException {
        List<T> results = new ArrayList<>(futures.size());
        for (Future<T> future : futures) {
            results.add(result(future, timeout));
        }
        return results;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
