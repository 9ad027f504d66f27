/**
 * Outside actors for demonstrations: kitchen staff and couriers who act through the HTTP API on
 * what {@code /api/stream} shows. Entry type: {@link dev.cairn.restaurant.app.simulation.Simulation}.
 */
package dev.cairn.restaurant.app.simulation;
