/**
 * The published language of the restaurant system: the only thing contexts share. Entry type:
 * {@link dev.cairn.restaurant.contracts.PublishedEvent}, the sealed root of every context's events;
 * {@link dev.cairn.restaurant.contracts.TypeNames} gives each event its stable stored name and
 * {@link dev.cairn.restaurant.contracts.Streams} the stream ids. Value types validate themselves
 * with {@link dev.cairn.restaurant.contracts.Require}. The contexts' reactions extend
 * {@link dev.cairn.restaurant.contracts.OnEvent} and run as a
 * {@link dev.cairn.restaurant.contracts.ReactionGroup}; their replicas of other contexts' facts
 * extend {@link dev.cairn.restaurant.contracts.Replica}.
 */
package dev.cairn.restaurant.contracts;
