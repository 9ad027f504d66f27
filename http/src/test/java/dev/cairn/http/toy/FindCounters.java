package dev.cairn.http.toy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The question-shaped, read-only side of the counters view. */
public interface FindCounters {

    /** One counter as clients see it. */
    record CounterView(String counterId, String name, long total, boolean closed, Instant updatedAt) {}

    Optional<CounterView> byId(String counterId);

    List<CounterView> all();
}
