package dev.cairn.restaurant.app;

import dev.cairn.core.query.ProcessedPosition;
import dev.cairn.core.query.ReadSide;
import dev.cairn.http.Access;
import dev.cairn.http.HttpContext;
import dev.cairn.http.HttpProblem;
import dev.cairn.http.Routes;
import dev.cairn.restaurant.app.auth.Roles;
import java.time.Duration;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What the page needs to know about this installation that the log does not say: the currency its
 * cents are in, and the switch of the simulated kitchen staff and couriers.
 *
 * <ul>
 *   <li>{@code GET /api/config} (any role) → {@code {"currency","simulation":{"available","on"}}};</li>
 *   <li>{@code GET /api/simulation} (admin) → {@code {"available","on"}};</li>
 *   <li>{@code POST /api/simulation} (admin) {@code {"on"}} → 200 {@code {"available","on"}}; 409 when
 *       this process runs no simulation ({@code --simulate} was not given).</li>
 * </ul>
 */
public final class Storefront implements HttpContext {

    /** {@code GET /api/config}. */
    public record Config(String currency, SimulationState simulation) {}

    /** The simulation's switch as the page shows it. */
    public record SimulationState(boolean available, boolean on) {}

    /** {@code POST /api/simulation}. */
    public record SwitchBody(boolean on) {}

    private final Currency currency;
    private final boolean simulationAvailable;
    private volatile boolean simulationOn;

    private Storefront(Currency currency, boolean simulationAvailable) {
        this.currency = Objects.requireNonNull(currency, "currency");
        this.simulationAvailable = simulationAvailable;
        this.simulationOn = simulationAvailable;
    }

    /** Prices in euros, no simulation: what tests and the lab run with. */
    public static Storefront plain() {
        return new Storefront(Currency.getInstance("EUR"), false);
    }

    /**
     * @param currency   an ISO 4217 code, e.g. {@code EUR}
     * @param simulation whether this process runs the simulation (it starts switched on)
     * @throws IllegalArgumentException for an unknown currency code
     */
    public static Storefront of(String currency, boolean simulation) {
        return new Storefront(Currency.getInstance(currency.trim().toUpperCase(Locale.ROOT)), simulation);
    }

    public Currency currency() {
        return currency;
    }

    /** Read by the simulation before every step it takes. */
    public BooleanSupplier simulationOn() {
        return () -> simulationOn;
    }

    private SimulationState state() {
        return new SimulationState(simulationAvailable, simulationAvailable && simulationOn);
    }

    @Override
    public void register(Routes routes) {
        var settings = new ReadSide<>(this, Unchanging.INSTANCE);
        routes.query(
                        "/api/config",
                        Access.anyRole(),
                        settings,
                        (self, call) -> new Config(currency.getCurrencyCode(), state()))
                .query("/api/simulation", Roles.ADMIN_ONLY, settings, (self, call) -> state())
                .action("/api/simulation", Roles.ADMIN_ONLY, SwitchBody.class, 200, (body, call) -> {
                    if (!simulationAvailable) {
                        throw new HttpProblem(
                                409,
                                "SIMULATION_NOT_RUNNING",
                                "this server runs no simulation; start it with ./cairn run --simulate");
                    }
                    simulationOn = body.on();
                    return state();
                });
    }

    /** Settings are not built from the log: they have processed every position there is. */
    private enum Unchanging implements ProcessedPosition {
        INSTANCE;

        @Override
        public long position() {
            return 0;
        }

        @Override
        public boolean awaitPosition(long position, Duration timeout) {
            return true;
        }
    }
}
