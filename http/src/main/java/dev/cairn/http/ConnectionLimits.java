package dev.cairn.http;

import java.time.Duration;
import org.eclipse.jetty.io.ConnectionStatistics;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The server's defences against clients that hold connections: an idle timeout on every
 * connector (a connection that sends nothing, headers included, is closed after it), and a cap
 * on open connections (Jetty stops accepting at the cap, so the rest wait in the kernel's backlog
 * instead of taking threads and memory). Counts what is open for {@code /metrics}.
 */
final class ConnectionLimits {
    private final Duration idleTimeout;
    private final int maxConnections;
    private final ConnectionStatistics statistics = new ConnectionStatistics();

    ConnectionLimits(Duration idleTimeout, int maxConnections) {
        this.idleTimeout = idleTimeout;
        this.maxConnections = maxConnections;
    }

    /** Javalin adds its connector when it starts the server, so they are configured then. */
    void install(Server server) {
        server.addBean(new ConnectionLimit(maxConnections, server));
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                for (Connector connector : server.getConnectors()) {
                    if (connector instanceof AbstractConnector configurable) {
                        configurable.setIdleTimeout(idleTimeout.toMillis());
                        configurable.addBean(statistics);
                    }
                }
            }
        });
    }

    long open() {
        return statistics.getConnections();
    }

    int max() {
        return maxConnections;
    }
}
