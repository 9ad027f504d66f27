package dev.cairn.lab;

import java.util.Objects;

/** One order the load sent: when (offset from the start of the before phase), in which phase, of which kind, and what came back. */
public record Shot(long sentOffsetNanos, Phase phase, OrderRequest.Kind kind, Placement placement) {

    public Shot {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(placement, "placement");
    }

    public boolean accepted() {
        return placement instanceof Placement.Accepted;
    }
}
