/**
 * The delivery context hosted: couriers and deliveries over HTTP, the dispatch process and the
 * ready-for-pickup replica. Entry type: {@link dev.cairn.restaurant.app.delivery.DeliveryContext}.
 */
package dev.cairn.restaurant.app.delivery;
