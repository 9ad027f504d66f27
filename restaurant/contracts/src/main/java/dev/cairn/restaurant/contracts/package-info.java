/**
 * The published language of the restaurant system: the only thing contexts share. Entry type:
 * {@link dev.cairn.restaurant.contracts.PublishedEvent}, the sealed root of every context's events;
 * {@link dev.cairn.restaurant.contracts.TypeNames} gives each event its stable stored name and
 * {@link dev.cairn.restaurant.contracts.Streams} the stream ids. Value types validate themselves
 * with {@link dev.cairn.restaurant.contracts.Require}.
 */
package dev.cairn.restaurant.contracts;
