package dev.cairn.restaurant.delivery.domain;

import dev.cairn.core.model.Decider;
import dev.cairn.core.model.Rejection;
import dev.cairn.restaurant.contracts.CourierEvent;
import dev.cairn.restaurant.contracts.CourierEvent.CourierAvailabilityChanged;
import dev.cairn.restaurant.contracts.CourierEvent.CourierRegistered;
import dev.cairn.restaurant.delivery.domain.Courier.Registered;
import dev.cairn.restaurant.delivery.domain.Courier.Unregistered;
import dev.cairn.restaurant.delivery.domain.CourierCommand.RegisterCourier;
import dev.cairn.restaurant.delivery.domain.CourierCommand.SetCourierAvailability;
import java.util.List;

/**
 * A courier's registration and availability, in {@code courier-<courierId>}. Setting the
 * availability a courier already has succeeds with no events.
 */
public final class CourierDecider implements Decider<CourierCommand, Courier, CourierEvent> {

    @Override
    public Courier initialState() {
        return new Unregistered();
    }

    @Override
    public List<CourierEvent> decide(CourierCommand command, Courier state) {
        return switch (command) {
            case RegisterCourier register -> register(register, state);
            case SetCourierAvailability availability -> setAvailability(availability, state);
        };
    }

    @Override
    public Courier evolve(Courier state, CourierEvent event) {
        return switch (event) {
            case CourierRegistered registered -> new Registered(registered.name(), true);
            case CourierAvailabilityChanged changed ->
                new Registered(registered(state).name(), changed.available());
        };
    }

    private static List<CourierEvent> register(RegisterCourier command, Courier state) {
        return switch (state) {
            case Unregistered unregistered -> List.of(new CourierRegistered(command.courierId(), command.name()));
            case Registered registered when registered.name().equals(command.name()) -> List.of();
            case Registered registered ->
                throw Rejection.notAllowed(
                        "ALREADY_EXISTS",
                        "courier " + command.courierId() + " is already registered under another name");
        };
    }

    private static List<CourierEvent> setAvailability(SetCourierAvailability command, Courier state) {
        return switch (state) {
            case Unregistered unregistered ->
                throw Rejection.notFound("COURIER_NOT_FOUND", "courier " + command.courierId() + " does not exist");
            case Registered registered when registered.available() == command.available() -> List.of();
            case Registered registered ->
                List.of(new CourierAvailabilityChanged(command.courierId(), command.available()));
        };
    }

    private static Registered registered(Courier state) {
        if (state instanceof Registered registered) {
            return registered;
        }
        throw new IllegalStateException("an availability change before registration: the stream is corrupt");
    }
}
