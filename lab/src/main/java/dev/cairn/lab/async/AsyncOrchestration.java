package dev.cairn.lab.async;

import dev.cairn.lab.DescribedStyle;
import dev.cairn.lab.LabEnvironment;
import dev.cairn.lab.StyleRun;

/**
 * The order, consumer, kitchen and accounting services, event-sourced on one embedded log that is
 * also their message bus. The order service answers 202 as soon as the order is recorded; its saga
 * then sends each step as a message to the service concerned and moves on with that service's
 * reply. The services never react to one another: only to messages addressed to them.
 */
public final class AsyncOrchestration extends DescribedStyle {

    public AsyncOrchestration() {
        super(
                "async-orchestration",
                "order, consumer, kitchen and accounting services, event-sourced on one log; the order service's saga sends"
                        + " commands as messages on the log and reacts to the replies; the client gets 202 at once");
    }

    @Override
    public StyleRun start(LabEnvironment environment) throws Exception {
        return AsyncRun.start(environment.workDirectory().resolve(name()));
    }
}
