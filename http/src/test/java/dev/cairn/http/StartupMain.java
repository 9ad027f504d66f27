package dev.cairn.http;

import dev.cairn.core.memory.InMemoryEventStore;

/** A process that does what an application's main does before serving: create a store, then host it. */
public final class StartupMain {

    private StartupMain() {}

    public static void main(String[] args) throws InterruptedException {
        CairnServer server = CairnServer.create(config -> config.port(0)
                        .host("127.0.0.1")
                        .eventStore(new InMemoryEventStore())
                        .authenticator(BearerTokens.of(InstallationKey.generate())))
                .start();
        System.out.println("port=" + server.port());
        System.out.flush();
        Thread.sleep(Long.parseLong(args[0]));
        server.stop();
    }
}
