package dev.cairn.restaurant.contracts;

import dev.cairn.core.processing.Reaction;

/** A reaction to published events that declares which events it reacts to. */
public interface TriggeredReaction<C> extends Reaction<PublishedEvent, C>, Triggered {}
