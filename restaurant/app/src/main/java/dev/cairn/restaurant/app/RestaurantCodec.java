package dev.cairn.restaurant.app;

import dev.cairn.core.codec.DecodeOnceCodec;
import dev.cairn.core.codec.EventCodec;
import dev.cairn.json.JsonEventCodec;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TypeNames;

/**
 * The codec of the published language: every context's events under their stable type names.
 * One per process, shared by every context, so an event that a dozen processors read is decoded
 * once ({@link DecodeOnceCodec}).
 */
public final class RestaurantCodec {
    /** Recent decodes kept: several times the events in flight at the benchmark's 128 concurrent orders. */
    private static final int RECENT_DECODES = 8192;

    private RestaurantCodec() {}

    public static EventCodec<PublishedEvent> create() {
        var builder = JsonEventCodec.builder(PublishedEvent.class);
        TypeNames.all().forEach(builder::register);
        return new DecodeOnceCodec<>(builder.build(), RECENT_DECODES);
    }
}
