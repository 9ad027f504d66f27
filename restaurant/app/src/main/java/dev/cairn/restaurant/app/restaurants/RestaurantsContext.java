package dev.cairn.restaurant.app.restaurants;

import dev.cairn.core.command.CommandHandler;
import dev.cairn.core.hosting.HostedProcessor;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.query.ReadSide;
import dev.cairn.http.Access;
import dev.cairn.http.CommandReply;
import dev.cairn.http.Routes;
import dev.cairn.restaurant.app.BoundedContext;
import dev.cairn.restaurant.app.Infrastructure;
import dev.cairn.restaurant.app.Wiring;
import dev.cairn.restaurant.app.auth.Roles;
import dev.cairn.restaurant.contracts.Menu;
import dev.cairn.restaurant.contracts.MenuItem;
import dev.cairn.restaurant.contracts.RestaurantEvent;
import dev.cairn.restaurant.restaurants.domain.Restaurant;
import dev.cairn.restaurant.restaurants.domain.RestaurantCommand;
import dev.cairn.restaurant.restaurants.domain.RestaurantDecider;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Restaurants: registers restaurants and revises their menus; reacts to nothing. */
public final class RestaurantsContext implements BoundedContext {

    /** One item of a menu in a request; {@code available} may be left out and then means true. */
    public record MenuItemBody(String menuItemId, String name, long priceCents, Optional<Boolean> available) {
        MenuItem item() {
            return new MenuItem(menuItemId, name, priceCents, available.orElse(true));
        }
    }

    /** {@code POST /api/restaurants}. */
    public record RegisterRestaurantBody(String name, List<MenuItemBody> menu) {}

    /** {@code PUT /api/restaurants/{id}/menu}: the whole new menu. */
    public record ReviseMenuBody(List<MenuItemBody> menu) {}

    private static Menu menu(List<MenuItemBody> items) {
        return new Menu(
                items == null ? null : items.stream().map(MenuItemBody::item).toList());
    }

    private final Infrastructure infra;
    private final CommandHandler<RestaurantCommand, Restaurant, RestaurantEvent> restaurants;
    private final RestaurantCatalog catalog = new RestaurantCatalog();
    private final TrackingProcessor catalogProcessor;

    public RestaurantsContext(Infrastructure infra) {
        this.infra = infra;
        this.restaurants = Wiring.commandHandler(
                infra, new RestaurantDecider(), RestaurantEvent.class, RestaurantCommand::streamId);
        this.catalogProcessor = Wiring.inMemoryView(infra, "restaurants.catalog", catalog);
    }

    @Override
    public List<HostedProcessor> processors() {
        return List.of(HostedProcessor.of(catalogProcessor));
    }

    @Override
    public void register(Routes routes) {
        var read = new ReadSide<FindRestaurants>(catalog, catalogProcessor);
        routes.command("/api/restaurants", Roles.ADMIN_ONLY, RegisterRestaurantBody.class, (body, call) -> {
                    String id = infra.ids().get();
                    var command = new RestaurantCommand.RegisterRestaurant(id, body.name(), menu(body.menu()));
                    return CommandReply.created("restaurantId", id, restaurants.handle(command, call.commandContext()));
                })
                .replace(
                        "/api/restaurants/{restaurantId}/menu",
                        Access.roles(Roles.ADMIN, Roles.RESTAURANT),
                        ReviseMenuBody.class,
                        (body, call) -> {
                            String id = call.pathParam("restaurantId");
                            Roles.requireActingFor(
                                    call.principal(),
                                    Roles.RESTAURANT,
                                    id,
                                    "a restaurant revises only its own menu",
                                    "the path must name");
                            var command = new RestaurantCommand.ReviseMenu(id, menu(body.menu()));
                            return CommandReply.accepted(
                                    "restaurantId", id, restaurants.handle(command, call.commandContext()));
                        })
                .query("/api/restaurants", Access.anyRole(), read, (view, call) -> Map.of("restaurants", view.all()))
                .query(
                        "/api/restaurants/{restaurantId}",
                        Access.anyRole(),
                        read,
                        (view, call) -> view.byId(call.pathParam("restaurantId")));
    }
}
