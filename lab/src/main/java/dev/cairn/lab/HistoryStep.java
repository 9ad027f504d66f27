package dev.cairn.lab;

import java.time.Instant;
import java.util.Objects;

/**
 * One state change of an order as a style can reconstruct it from what it stores.
 *
 * @param service the service whose state changed ({@code order}, {@code consumer}, {@code kitchen}, {@code accounting})
 * @param change  what it became, e.g. {@code APPROVED}, {@code ticket CONFIRMED}
 * @param cause   what caused it (the client's request, or the earlier change or message), or null
 *                when the storage does not say
 * @param at      when; null when the storage does not say
 */
public record HistoryStep(String service, String change, String cause, Instant at) {

    public HistoryStep {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(change, "change");
    }
}
