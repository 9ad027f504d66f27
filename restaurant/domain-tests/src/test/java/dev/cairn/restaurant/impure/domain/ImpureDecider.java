package dev.cairn.restaurant.impure.domain;

import java.io.File;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Breaks every purity rule on purpose, so the architecture test can prove its rules bite. */
public final class ImpureDecider {

    public String decide(Clock clock) {
        return UUID.randomUUID() + " " + Instant.now() + " " + System.currentTimeMillis() + " " + clock.instant() + " "
                + new File("state").exists();
    }
}
