/**
 * The restaurants context: restaurants and their menus. Entry type:
 * {@link dev.cairn.restaurant.restaurants.domain.RestaurantDecider}. It reacts to nothing; ordering
 * keeps its own replica of the menus from the events published here.
 */
package dev.cairn.restaurant.restaurants.domain;
