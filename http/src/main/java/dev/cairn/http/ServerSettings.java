package dev.cairn.http;

import dev.cairn.core.store.EventStore;
import java.time.Duration;
import java.util.List;

/**
 * What {@link CairnServerConfig} was told, as one value the server is built from. The two required
 * settings are checked where they are first read, as before: their accessors throw when unset.
 *
 * @param host null for all interfaces
 * @param eventStore null when not configured (its accessor then throws)
 * @param authenticator null when not configured (its accessor then throws)
 * @param corsOrigin null for no CORS header
 * @param rateLimit requests a second per principal, 0 for no limit
 */
record ServerSettings(
        String host,
        int port,
        EventStore eventStore,
        ProcessorStatuses processorStatuses,
        List<HttpContext> contexts,
        Duration consistencyTimeout,
        Duration heartbeat,
        int maxBodyBytes,
        boolean virtualThreads,
        Duration idleTimeout,
        Duration headerTimeout,
        int maxConnections,
        Authenticator authenticator,
        Access operators,
        String corsOrigin,
        int rateLimit) {

    @Override
    public EventStore eventStore() {
        if (eventStore == null) {
            throw new IllegalStateException("a CairnServer needs an event store: config.eventStore(store)");
        }
        return eventStore;
    }

    @Override
    public Authenticator authenticator() {
        if (authenticator == null) {
            throw new IllegalStateException(
                    "a CairnServer needs an authenticator: config.authenticator(BearerTokens.of(key))");
        }
        return authenticator;
    }
}
