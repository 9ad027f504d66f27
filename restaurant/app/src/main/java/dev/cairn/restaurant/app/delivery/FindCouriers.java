package dev.cairn.restaurant.app.delivery;

import java.util.List;

/** The question delivery's courier directory answers. */
@FunctionalInterface
public interface FindCouriers {
    List<CourierView> all();
}
