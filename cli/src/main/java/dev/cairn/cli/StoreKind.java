package dev.cairn.cli;

/** Which event store a command runs on. */
enum StoreKind {
    file,
    memory,
    postgres
}
