/**
 * The restaurants context hosted: registration over HTTP and the catalogue of menus. Entry type:
 * {@link dev.cairn.restaurant.app.restaurants.RestaurantsContext}; its read side answers
 * {@link dev.cairn.restaurant.app.restaurants.FindRestaurants}.
 */
package dev.cairn.restaurant.app.restaurants;
