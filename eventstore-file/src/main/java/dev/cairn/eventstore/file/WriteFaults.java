package dev.cairn.eventstore.file;

import dev.cairn.core.store.EventStoreCorruptException;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.StoreHealth;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the store acknowledges appends, and the way back when it does not. A failed write or
 * force is a state, not a death: the store refuses appends with the cause ("disk full in DIR"),
 * keeps serving reads, and a prober thread writes and forces a small file every
 * {@code probeEvery}; once that works it asks the store to {@linkplain Resumer resume} (roll back
 * what was never acknowledged, start a new writer). A corrupt record is different: nothing heals
 * it, so the store refuses appends until an operator repairs the log and restarts.
 *
 * <p>Each change of state is logged once; refused appends are not logged at all.
 */
final class WriteFaults implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriteFaults.class);
    static final String PROBE_FILE = "probe.tmp";
    private static final int PROBE_BYTES = 64 << 10;

    /** Brings the store back after a fault; throws when it cannot yet. */
    interface Resumer {
        void resume() throws IOException;
    }

    private final Path dir;
    private final Clock clock;
    private final Duration probeEvery;
    private Resumer resumer;
    private String outage;
    private Instant since;
    private String corruption;
    private Thread prober;
    private boolean closed;

    WriteFaults(Path dir, Clock clock, Duration probeEvery) {
        this.dir = dir;
        this.clock = clock;
        this.probeEvery = probeEvery;
    }

    synchronized void resumeWith(Resumer resumer) {
        this.resumer = resumer;
    }

    /** Called by the writer or syncer when writing or forcing failed; they have stopped. */
    void report(Throwable fault) {
        String reason = describe(fault, dir);
        synchronized (this) {
            if (outage != null || closed) {
                return;
            }
            outage = reason;
            since = clock.instant();
            prober =
                    Thread.ofPlatform().daemon().name("cairn-log-prober " + dir).start(this::probeUntilResumed);
        }
        LOG.error(
                "The event log in {} stopped acknowledging appends: {} ({}). Reads go on; it probes the disk every {} ms "
                        + "and resumes by itself.",
                dir,
                reason,
                rootCause(fault),
                probeEvery.toMillis());
    }

    /** A record failed its checks: appends stop until the log is repaired, whatever the disk does. */
    void reportCorruption(CorruptLogException e) {
        synchronized (this) {
            if (corruption != null) {
                return;
            }
            corruption = "the event log is corrupt: " + e.getMessage()
                    + "; stop the server and run ./cairn repair --data " + dir + " (see docs/operations.md)";
        }
        LOG.error("The event log in {} refuses appends from now on: {}", dir, corruption);
    }

    synchronized StoreHealth health() {
        String reason = corruption != null ? corruption : outage;
        return reason == null ? StoreHealth.ok() : StoreHealth.unavailable(reason);
    }

    /**
     * @throws EventStoreCorruptException     after a corrupt record was met: waiting heals nothing, so
     *                                        callers (a command, a reaction's processor) stop instead of retrying
     * @throws EventStoreUnavailableException naming the cause while a write fault refuses appends
     */
    void requireWritable() {
        String corrupt;
        synchronized (this) {
            corrupt = corruption;
        }
        if (corrupt != null) {
            throw new EventStoreCorruptException(corrupt);
        }
        StoreHealth health = health();
        if (!health.writable()) {
            throw EventStoreUnavailableException.because(health.reason(), null);
        }
    }

    /** An append that failed in the writer, answered with the cause in words fit for clients. */
    EventStoreUnavailableException unavailable(EventStoreUnavailableException failed) {
        StoreHealth health = health();
        String reason = !health.writable()
                ? health.reason()
                : failed.getCause() != null
                        ? describe(failed.getCause(), dir)
                        : "the event log in " + dir + " is unavailable";
        return EventStoreUnavailableException.because(reason, failed);
    }

    private void probeUntilResumed() {
        try {
            while (true) {
                Thread.sleep(probeEvery);
                Resumer r;
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    r = resumer;
                }
                if (tryResume(r)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean tryResume(Resumer r) {
        try {
            probe();
            r.resume();
        } catch (IOException | RuntimeException | Error stillFailing) {
            LOG.debug("The event log in {} cannot resume yet: {}", dir, stillFailing.toString());
            return false;
        }
        Duration down;
        synchronized (this) {
            down = Duration.between(since, clock.instant());
            outage = null;
            prober = null;
        }
        LOG.info("The event log in {} acknowledges appends again, after {} s without.", dir, down.toMillis() / 1000.0);
        return true;
    }

    /** Writes and forces a small file: the disk takes writes again only when both work. */
    private void probe() throws IOException {
        Path probe = dir.resolve(PROBE_FILE);
        try (FileChannel channel = Channels.open(
                probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer zeros = ByteBuffer.allocate(PROBE_BYTES);
            Channels.writeFully(channel, zeros);
            channel.force(true);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** Why writing failed, in words an operator acts on and a client may read (no stack, no secrets). */
    static String describe(Throwable fault, Path dir) {
        String message = String.valueOf(rootCause(fault));
        if (message.contains("No space left on device") || freeBytes(dir) < PROBE_BYTES) {
            return "disk full in " + dir;
        }
        if (message.contains("Disk quota exceeded")) {
            return "disk quota exceeded in " + dir;
        }
        if (message.contains("Read-only file system")) {
            return "the file system of " + dir + " is read-only";
        }
        if (message.contains("Input/output error")) {
            return "I/O error in " + dir;
        }
        return "writing the event log in " + dir + " failed";
    }

    private static String rootCause(Throwable fault) {
        Throwable t = fault;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == fault ? t.toString() : fault.getMessage() + " <- " + t;
    }

    private static long freeBytes(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            running = prober;
        }
        if (running != null && running != Thread.currentThread()) {
            running.interrupt();
            Threads.joinUninterruptibly(running);
        }
    }
}
