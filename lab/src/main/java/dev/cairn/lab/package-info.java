/**
 * The styles lab: one order flow (create order, verify consumer, create ticket, authorise payment,
 * approve; failing on an unknown consumer or a declined card) built in four architectural styles,
 * driven by the same open-loop load through the same faults, and judged by what each style's services
 * stored. {@link dev.cairn.lab.Lab} runs it; a style is a {@link dev.cairn.lab.Style} that starts a
 * {@link dev.cairn.lab.StyleRun}.
 */
package dev.cairn.lab;
