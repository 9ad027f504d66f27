package dev.cairn.http.toy;

/** What a counter can be asked to do. */
public sealed interface CounterCommand {
    String counterId();

    record CreateCounter(String counterId, String name, int start, String template) implements CounterCommand {}

    record Increment(String counterId, int by) implements CounterCommand {}

    record Close(String counterId) implements CounterCommand {}
}
