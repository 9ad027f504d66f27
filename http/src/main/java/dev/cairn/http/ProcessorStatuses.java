package dev.cairn.http;

import dev.cairn.core.processing.ProcessorStatus;
import dev.cairn.core.processing.TrackingProcessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every processor the server reports on ({@code /ready}, {@code /api/processors}, {@code /metrics}):
 * the configured processors first, in registration order, then the rows of the status sources,
 * which are asked anew each time since their processors come and go.
 */
record ProcessorStatuses(
        List<TrackingProcessor> processors, List<Supplier<? extends Collection<ProcessorStatus>>> sources) {

    List<ProcessorStatus> current() {
        List<ProcessorStatus> statuses = new ArrayList<>();
        processors.forEach(p -> statuses.add(p.status()));
        sources.forEach(source -> statuses.addAll(source.get()));
        return statuses;
    }
}
