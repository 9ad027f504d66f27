package dev.cairn.restaurant.app;

import dev.cairn.json.JsonEventCodec;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TypeNames;

/** The codec of the published language: every context's events under their stable type names. */
public final class RestaurantCodec {
    private RestaurantCodec() {}

    public static JsonEventCodec<PublishedEvent> create() {
        var builder = JsonEventCodec.builder(PublishedEvent.class);
        TypeNames.all().forEach(builder::register);
        return builder.build();
    }
}
