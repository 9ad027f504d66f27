/** The in-memory event store. Entry type: {@link dev.cairn.core.memory.InMemoryEventStore}. */
package dev.cairn.core.memory;
