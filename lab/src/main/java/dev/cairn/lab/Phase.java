package dev.cairn.lab;

/** Where in a scenario an order was sent. */
public enum Phase {
    WARM_UP,
    BEFORE,
    DURING,
    AFTER;

    public boolean measured() {
        return this != WARM_UP;
    }
}
