/**
 * What the two event-sourced styles (choreography, asynchronous orchestration) share: reading an
 * order's facts, history and journey back from the log ({@link dev.cairn.lab.eventsourced.OrderLog}),
 * and checkpoints that a simulated crash stops saving ({@link dev.cairn.lab.eventsourced.KillableCheckpoints}).
 */
package dev.cairn.lab.eventsourced;
