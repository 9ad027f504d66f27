package dev.cairn.restaurant.app;

import dev.cairn.core.hosting.HostedProcessor;
import dev.cairn.http.HttpContext;
import java.util.List;

/**
 * One context as a process hosts it: its processors (each with its own name and checkpoint) and
 * its HTTP routes. Contexts share nothing but the log: none holds a reference to another. Its
 * name is the {@link ContextName} {@link RestaurantSystem} built it for, and is said only there.
 */
public interface BoundedContext extends HttpContext {

    /** Its processors, not yet started: in-memory views whole, processors with effects as the infrastructure hosts them. */
    List<HostedProcessor> processors();
}
