/**
 * The ordering context: orders, priced against its own replica of the menus. Entry type:
 * {@link dev.cairn.restaurant.ordering.domain.OrderDecider}; its reactions to other contexts'
 * outcomes are grouped in {@link dev.cairn.restaurant.ordering.domain.OrderingReactions}, and the
 * replicas the host feeds are {@link dev.cairn.restaurant.ordering.domain.MenuReplica} and
 * {@link dev.cairn.restaurant.ordering.domain.PreparationReplica}.
 */
package dev.cairn.restaurant.ordering.domain;
