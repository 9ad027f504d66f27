package dev.cairn.core.processing;

/**
 * A source of nanoseconds for measuring intervals, injected so that tests can drive time; only
 * differences between two readings mean anything (like {@link System#nanoTime()}, which
 * {@link #system()} reads).
 */
@FunctionalInterface
public interface Ticker {

    /** Nanoseconds since an arbitrary origin, never decreasing. */
    long read();

    /** {@link System#nanoTime()}. */
    static Ticker system() {
        return System::nanoTime;
    }
}
