package dev.cairn.http;

import dev.cairn.core.processing.ProcessorStatus;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.store.EventStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** How {@link CairnServer#create} is configured; every setting but the event store has a default. */
public final class CairnServerConfig {

    /** The contract's body limit: 64 KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    private String host;
    private int port = 8080;
    private EventStore eventStore;
    private final List<TrackingProcessor> processors = new ArrayList<>();
    private final List<Supplier<? extends Collection<ProcessorStatus>>> statusSources = new ArrayList<>();
    private final List<HttpContext> contexts = new ArrayList<>();
    private Duration consistencyTimeout = Duration.ofSeconds(5);
    private Duration heartbeat = Duration.ofSeconds(15);
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private boolean virtualThreads = true;
    private Duration idleTimeout = Duration.ofSeconds(20);
    private Duration headerTimeout = Duration.ofSeconds(10);
    private int maxConnections = 4096;
    private Authenticator authenticator;
    private Access operators = Access.roles("admin");
    private String corsOrigin;
    private int rateLimit;

    CairnServerConfig() {}

    /** The port to listen on; 0 picks a free one (see {@link CairnServer#port()}). Default 8080. */
    public CairnServerConfig port(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [0, 65535], was " + port);
        }
        this.port = port;
        return this;
    }

    /** The interface to bind, e.g. {@code 127.0.0.1}. Default: all interfaces. */
    public CairnServerConfig host(String host) {
        this.host = Objects.requireNonNull(host, "host");
        return this;
    }

    /** The log: read by {@code /api/events}, and the default side commands wait on. Required. */
    public CairnServerConfig eventStore(EventStore eventStore) {
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
        return this;
    }

    /** Processors listed by {@code /api/processors}. The server reports on them; it does not start or stop them. */
    public CairnServerConfig processors(Collection<? extends TrackingProcessor> processors) {
        processors.forEach(p -> this.processors.add(Objects.requireNonNull(p, "processor")));
        return this;
    }

    /**
     * More rows for {@code /api/processors}, asked on every request (after the
     * {@link #processors processors}' own): for processors whose parts come and go, e.g. the
     * partitions a competing consumer holds at the moment.
     */
    public CairnServerConfig processorStatus(Supplier<? extends Collection<ProcessorStatus>> source) {
        statusSources.add(Objects.requireNonNull(source, "source"));
        return this;
    }

    /** A context whose routes the server hosts. */
    public CairnServerConfig context(HttpContext context) {
        contexts.add(Objects.requireNonNull(context, "context"));
        return this;
    }

    /** How long {@code consistentWith} waits before answering 503. Default 5 s. */
    public CairnServerConfig consistencyTimeout(Duration timeout) {
        this.consistencyTimeout = requirePositive(timeout, "consistencyTimeout");
        return this;
    }

    /** How often an idle {@code /api/stream} connection gets a comment line, so dead clients are noticed. Default 15 s. */
    public CairnServerConfig heartbeat(Duration heartbeat) {
        this.heartbeat = requirePositive(heartbeat, "heartbeat");
        return this;
    }

    /** The largest accepted request body; larger ones are 413. Default 64 KiB. */
    public CairnServerConfig maxBodyBytes(int maxBodyBytes) {
        this.maxBodyBytes = requirePositive(maxBodyBytes, "maxBodyBytes");
        return this;
    }

    /** Whether requests run on virtual threads, so waiting for consistency costs no platform thread. Default true. */
    public CairnServerConfig virtualThreads(boolean virtualThreads) {
        this.virtualThreads = virtualThreads;
        return this;
    }

    /**
     * How long a connection may send nothing before it is closed (a keep-alive connection between
     * requests, a stalled body). Keep it above {@link #heartbeat}. Default 20 s.
     */
    public CairnServerConfig idleTimeout(Duration idleTimeout) {
        this.idleTimeout = requirePositive(idleTimeout, "idleTimeout");
        return this;
    }

    /**
     * How long a request's headers may take, from their first byte (from the accept for a
     * connection's first request): a client that trickles header bytes to keep a connection
     * (slowloris) is closed then, whatever the idle timeout. Bodies are not subject to it. Default 10 s.
     */
    public CairnServerConfig headerTimeout(Duration headerTimeout) {
        this.headerTimeout = requirePositive(headerTimeout, "headerTimeout");
        return this;
    }

    /** Connections open at once; beyond it the server stops accepting until one closes. Default 4096. */
    public CairnServerConfig maxConnections(int maxConnections) {
        this.maxConnections = requirePositive(maxConnections, "maxConnections");
        return this;
    }

    /** Who the bearer tokens of requests are; required, since every {@code /api} route needs a token. */
    public CairnServerConfig authenticator(Authenticator authenticator) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        return this;
    }

    /** Who may read {@code /api/events}, {@code /api/processors} and {@code /metrics}. Default: the role {@code admin}. */
    public CairnServerConfig operators(Access operators) {
        this.operators = Objects.requireNonNull(operators, "operators");
        return this;
    }

    /** The one origin browsers may call the API from (CORS); without it no CORS header is ever sent. */
    public CairnServerConfig corsOrigin(String origin) {
        Objects.requireNonNull(origin, "origin");
        if (!origin.matches("https?://[^/\\s]+")) {
            throw new IllegalArgumentException(
                    "a CORS origin is scheme://host[:port], e.g. https://orders.example.com, was " + origin);
        }
        this.corsOrigin = origin;
        return this;
    }

    /** At most this many requests a second per principal, then 429 with {@code Retry-After}; 0 (the default) for no limit. */
    public CairnServerConfig rateLimit(int perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("rateLimit must be 0 (off) or positive, was " + perSecond);
        }
        this.rateLimit = perSecond;
        return this;
    }

    /** The settings as they are now; taken once, when the server is created. */
    ServerSettings settings() {
        return new ServerSettings(
                host,
                port,
                eventStore,
                new ProcessorStatuses(List.copyOf(processors), List.copyOf(statusSources)),
                List.copyOf(contexts),
                consistencyTimeout,
                heartbeat,
                maxBodyBytes,
                virtualThreads,
                idleTimeout,
                headerTimeout,
                maxConnections,
                authenticator,
                operators,
                corsOrigin,
                rateLimit);
    }

    private static int requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    private static Duration requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
        return duration;
    }
}
