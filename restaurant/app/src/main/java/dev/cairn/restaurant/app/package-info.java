/**
 * The restaurant system as a process runs it: the seven contexts wired to a store and served over
 * HTTP. Entry type: {@link dev.cairn.restaurant.app.RestaurantSystem}, which starts any subset of
 * the contexts ({@link dev.cairn.restaurant.app.ContextName}), each a
 * {@link dev.cairn.restaurant.app.BoundedContext} given the same
 * {@link dev.cairn.restaurant.app.Infrastructure}; {@link dev.cairn.restaurant.app.Wiring} builds
 * their processors, whole in this process or shared as the store hosts them ({@link dev.cairn.core.hosting.StoreBackend}).
 */
package dev.cairn.restaurant.app;
