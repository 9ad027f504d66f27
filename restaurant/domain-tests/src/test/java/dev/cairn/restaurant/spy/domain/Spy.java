package dev.cairn.restaurant.spy.domain;

import dev.cairn.restaurant.ordering.domain.OrderDecider;

/** Reads another context's domain on purpose, so the architecture test can prove that rule bites. */
public final class Spy {

    public Object peek() {
        return new OrderDecider().initialState();
    }
}
