package dev.cairn.lab;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;

/** The HTTP client the lab calls services with: HTTP/1.1, one virtual thread per exchange, a bounded connect. */
public final class HttpClients {

    private HttpClients() {}

    public static HttpClient create(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }
}
