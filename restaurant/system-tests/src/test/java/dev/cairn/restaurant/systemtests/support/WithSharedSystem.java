package dev.cairn.restaurant.systemtests.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One system for all the tests of a class, for tests that only add orders of their own and read
 * them back: cheaper than {@link WithFreshSystem}, at the price of a log that others add to. The
 * fields are static because the class's {@code @BeforeAll} registers its parties on them; test
 * classes run one after another here, so a subclass never sees another's system.
 */
public abstract class WithSharedSystem {

    protected static TestSystem system;
    protected static RestaurantApi api;
    protected static Http http;

    @BeforeAll
    protected static void startSharedSystem() {
        system = TestSystem.start();
        api = system.api();
        http = system.http();
    }

    @AfterAll
    protected static void closeSharedSystem() {
        system.close();
    }
}
