package dev.cairn.http.toy;

/** What happened to a counter. */
public sealed interface CounterEvent {
    String counterId();

    record Created(String counterId, String name, int start) implements CounterEvent {}

    record Incremented(String counterId, int by) implements CounterEvent {}

    record Closed(String counterId) implements CounterEvent {}
}
