package dev.cairn.restaurant.systemtests.support;

import static dev.cairn.restaurant.systemtests.support.RestaurantApi.item;

import dev.cairn.restaurant.systemtests.support.RestaurantApi.Restaurant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh system for every test, with Ada registered as a consumer and Pizzeria Uno (a margherita
 * at 11.50, a tiramisu at 6.50) to order from. Fresh, because couriers and the log are shared by
 * every order of a system: only a new one makes "which courier" and "nothing appended" predictable.
 * A subclass's own {@code @BeforeEach} runs after this one's, its {@code @AfterEach} before.
 */
public abstract class WithFreshSystem {

    protected TestSystem system;
    protected RestaurantApi api;
    protected Http http;
    protected String ada;
    protected Restaurant pizzeria;

    @BeforeEach
    protected void startFreshSystem() {
        system = TestSystem.start();
        api = system.api();
        http = system.http();
        ada = api.registerConsumer("Ada Lovelace");
        pizzeria = api.registerRestaurant(
                "Pizzeria Uno", item("margherita", "Margherita", 1150), item("tiramisu", "Tiramisu", 650));
    }

    @AfterEach
    protected void closeFreshSystem() {
        system.close();
    }
}
