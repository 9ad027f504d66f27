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
 * connector (a connection that sends nothing is closed after it), a deadline for each request's
 * headers ({@link HeaderDeadline}: trickling them does not help), and a cap
 * on open connections (Jetty stops accepting at the cap, so the rest wait in the kernel's backlog
 * instead of taking threads and memory). Counts what is open for {@code /metrics}.
 */
final class ConnectionLimits {
    private final Duration idleTimeout;
    private final int maxConnections;
    private final HeaderDeadline headerDeadline;
    private final ConnectionStatistics statistics = new ConnectionStatistics();

    ConnectionLimits(Duration idleTimeout, Duration headerTimeout, int maxConnections) {
        this.idleTimeout = idleTimeout;
        this.maxConnections = maxConnections;
        this.headerDeadline = new HeaderDeadline(headerTimeout, System::nanoTime);
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
                        configurable.addBean(headerDeadline);
                    }
                }
            }
        });
    }

    long open() {
        return statistics.getConnections();
    }

    /** Connections closed because their request's headers were not complete within the header timeout. */
    long cutForLateHeaders() {
        return headerDeadline.cut();
    }

    int max() {
        return maxConnections;
    }
}
