package dev.cairn.lab.sync;

/** Thrown into work that was running when its service was killed: it must take no further step and answer nothing. */
final class Killed extends RuntimeException {

    Killed(String service) {
        super("the " + service + " service was killed", null, false, false);
    }
}
