package dev.cairn.restaurant.restaurants.domain;

import dev.cairn.core.model.Decider;
import dev.cairn.core.model.Rejection;
import dev.cairn.restaurant.contracts.RestaurantEvent;
import dev.cairn.restaurant.contracts.RestaurantEvent.MenuRevised;
import dev.cairn.restaurant.contracts.RestaurantEvent.RestaurantRegistered;
import dev.cairn.restaurant.restaurants.domain.Restaurant.Registered;
import dev.cairn.restaurant.restaurants.domain.Restaurant.Unregistered;
import dev.cairn.restaurant.restaurants.domain.RestaurantCommand.RegisterRestaurant;
import dev.cairn.restaurant.restaurants.domain.RestaurantCommand.ReviseMenu;
import java.util.List;

/**
 * A restaurant and its menu, in {@code restaurant-<restaurantId>}. A repeated registration or an
 * unchanged menu succeeds with no events, so retries are harmless and ordering's replica sees only
 * real changes.
 */
public final class RestaurantDecider implements Decider<RestaurantCommand, Restaurant, RestaurantEvent> {

    @Override
    public Restaurant initialState() {
        return new Unregistered();
    }

    @Override
    public List<RestaurantEvent> decide(RestaurantCommand command, Restaurant state) {
        return switch (command) {
            case RegisterRestaurant register -> register(register, state);
            case ReviseMenu revise -> revise(revise, state);
        };
    }

    @Override
    public Restaurant evolve(Restaurant state, RestaurantEvent event) {
        return switch (event) {
            case RestaurantRegistered registered -> new Registered(registered.name(), registered.menu());
            case MenuRevised revised -> new Registered(registered(state).name(), revised.menu());
        };
    }

    private static List<RestaurantEvent> register(RegisterRestaurant command, Restaurant state) {
        return switch (state) {
            case Unregistered unregistered ->
                List.of(new RestaurantRegistered(command.restaurantId(), command.name(), command.menu()));
            case Registered registered
            when registered.equals(new Registered(command.name(), command.menu())) -> List.of();
            case Registered registered ->
                throw Rejection.notAllowed(
                        "ALREADY_EXISTS",
                        "restaurant " + command.restaurantId() + " is already registered with another name or menu");
        };
    }

    private static List<RestaurantEvent> revise(ReviseMenu command, Restaurant state) {
        return switch (state) {
            case Unregistered unregistered ->
                throw Rejection.notFound(
                        "RESTAURANT_NOT_FOUND", "restaurant " + command.restaurantId() + " does not exist");
            case Registered registered when registered.menu().equals(command.menu()) -> List.of();
            case Registered registered -> List.of(new MenuRevised(command.restaurantId(), command.menu()));
        };
    }

    private static Registered registered(Restaurant state) {
        if (state instanceof Registered registered) {
            return registered;
        }
        throw new IllegalStateException("a menu revision before registration: the stream is corrupt");
    }
}
