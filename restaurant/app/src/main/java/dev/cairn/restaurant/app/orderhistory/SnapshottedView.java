package dev.cairn.restaurant.app.orderhistory;

import dev.cairn.core.hosting.HostedProcessor;
import dev.cairn.core.processing.ProcessorStatus;
import dev.cairn.core.processing.TrackingProcessor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The view's processor, and, when snapshots are kept, a thread writing the view's snapshot every
 * {@link #INTERVAL} (longer for a view so large that writing it costs more CPU than a hundredth of that)
 * when it moved, and once more when stopped.
 */
final class SnapshottedView implements HostedProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshottedView.class);
    static final Duration INTERVAL = Duration.ofSeconds(5);
    /** Snapshots may cost at most one part in this many of a core. */
    private static final int CPU_SHARE_DIVISOR = 100;

    private final TrackingProcessor view;
    private final ViewSnapshots snapshots;
    private final Supplier<Optional<ViewSnapshots.Snapshot>> current;
    private final Object writing = new Object();
    private Thread writer;
    private long writtenPosition = -1;

    /** @param snapshots null when none are kept */
    SnapshottedView(
            TrackingProcessor view, ViewSnapshots snapshots, Supplier<Optional<ViewSnapshots.Snapshot>> current) {
        this.view = view;
        this.snapshots = snapshots;
        this.current = current;
    }

    @Override
    public String name() {
        return view.name();
    }

    @Override
    public synchronized void start() {
        view.start();
        if (snapshots != null && writer == null) {
            writer = Thread.ofPlatform()
                    .daemon()
                    .name("cairn-snapshot-" + view.name())
                    .start(this::writeEveryInterval);
        }
    }

    @Override
    public synchronized void stop() {
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writer = null;
        }
        view.stop();
        if (snapshots != null) {
            writeIfMoved();
        }
    }

    @Override
    public Optional<TrackingProcessor> tracking() {
        return Optional.of(view);
    }

    @Override
    public List<ProcessorStatus> status() {
        return List.of(view.status());
    }

    /**
     * Every {@link #INTERVAL}, or a hundred times the CPU time the last write took, so a large view
     * costs at most 1 % of a core (at 5 %, the writer was a twentieth of a loaded two-core
     * machine's profile). CPU time, not elapsed time: a slow disk must not space snapshots out.
     */
    private void writeEveryInterval() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Duration pause = INTERVAL;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            long started = threads.getCurrentThreadCpuTime();
            writeIfMoved();
            long cpu = threads.getCurrentThreadCpuTime() - started;
            Duration budget = Duration.ofNanos(Math.max(0, cpu)).multipliedBy(CPU_SHARE_DIVISOR);
            pause = budget.compareTo(INTERVAL) > 0 ? budget : INTERVAL;
        }
    }

    private void writeIfMoved() {
        synchronized (writing) {
            try {
                current.get()
                        .filter(snapshot -> snapshot.position() != writtenPosition)
                        .ifPresent(snapshot -> {
                            snapshots.write(snapshot);
                            writtenPosition = snapshot.position();
                            LOG.debug(
                                    "order-history: snapshot of {} orders at position {} written",
                                    snapshot.rows().size(),
                                    snapshot.position());
                        });
            } catch (RuntimeException e) {
                LOG.warn("order-history: could not write the snapshot: {}", e.toString());
            }
        }
    }
}
