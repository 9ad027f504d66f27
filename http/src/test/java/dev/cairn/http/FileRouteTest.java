package dev.cairn.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRouteTest {

    @TempDir
    Path directory;

    @Test
    void a_file_route_answers_404_until_the_file_exists_then_its_current_contents() throws Exception {
        Path report = directory.resolve("report.json");
        try (ToyServer toy = ToyServer.start(
                config -> config.context(routes -> routes.file("/reports/report.json", report, "application/json")))) {
            URI uri = toy.server.uri().resolve("/reports/report.json");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> missing =
                    http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("NOT_FOUND").contains("report.json");

            Files.writeString(report, "{\"runs\":[1]}");
            HttpResponse<String> first =
                    http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(first.body()).isEqualTo("{\"runs\":[1]}");

            Files.writeString(report, "{\"runs\":[2]}");
            assertThat(http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                            .body())
                    .isEqualTo("{\"runs\":[2]}");
        }
    }
}
