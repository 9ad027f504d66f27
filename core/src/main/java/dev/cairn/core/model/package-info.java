/**
 * The programming model. Entry type: {@link dev.cairn.core.model.Decider}; a refused command is a
 * {@link dev.cairn.core.model.Rejection}. Nothing here touches I/O.
 */
package dev.cairn.core.model;
