/**
 * What the two event-sourced styles (choreography, asynchronous orchestration) share: a run on one
 * file store in its own directory ({@link dev.cairn.lab.eventsourced.EventSourcedRun}), reading an
 * order's facts, history and journey back from the log ({@link dev.cairn.lab.eventsourced.OrderLog}),
 * checkpoints that a simulated crash stops saving ({@link dev.cairn.lab.eventsourced.KillableCheckpoints}),
 * and the delay a slowed service takes ({@link dev.cairn.lab.eventsourced.InjectedDelay}).
 */
package dev.cairn.lab.eventsourced;
