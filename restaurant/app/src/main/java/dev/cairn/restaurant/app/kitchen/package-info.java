/**
 * The kitchen context hosted: tickets moved on by kitchen staff over HTTP and by its reactions.
 * Entry type: {@link dev.cairn.restaurant.app.kitchen.KitchenContext}.
 */
package dev.cairn.restaurant.app.kitchen;
