package dev.cairn.http.toy;

import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.Projection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SubmissionPublisher;

/** The counters read model, which also publishes every changed view for {@code /api/stream}. */
public final class CounterViews implements Projection<CounterEvent>, FindCounters, AutoCloseable {

    private final Map<String, CounterView> views = new ConcurrentHashMap<>();
    private final SubmissionPublisher<CounterView> changes = new SubmissionPublisher<>();
    private volatile long delayMillis;

    @Override
    public void apply(Envelope<CounterEvent> envelope) {
        lag();
        CounterView view = switch (envelope.event()) {
            case CounterEvent.Created c ->
                new CounterView(c.counterId(), c.name(), c.start(), false, envelope.recordedAt());
            case CounterEvent.Incremented i -> {
                CounterView old = views.get(i.counterId());
                yield new CounterView(
                        old.counterId(), old.name(), old.total() + i.by(), old.closed(), envelope.recordedAt());
            }
            case CounterEvent.Closed c -> {
                CounterView old = views.get(c.counterId());
                yield new CounterView(old.counterId(), old.name(), old.total(), true, envelope.recordedAt());
            }
        };
        views.put(view.counterId(), view);
        changes.submit(view);
    }

    @Override
    public void reset() {
        views.clear();
    }

    @Override
    public Optional<CounterView> byId(String counterId) {
        return Optional.ofNullable(views.get(counterId));
    }

    @Override
    public List<CounterView> all() {
        return views.values().stream()
                .sorted(Comparator.comparing(CounterView::counterId))
                .toList();
    }

    /** Makes the view fall behind the log by this much per event, so read-your-writes has something to wait for. */
    public void delayEachEvent(long millis) {
        this.delayMillis = millis;
    }

    private void lag() {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public SubmissionPublisher<CounterView> changes() {
        return changes;
    }

    @Override
    public void close() {
        changes.close();
    }
}
