package dev.cairn.lab.choreography;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.lab.Fixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creates the lab's consumer and restaurant through the restaurant system's own HTTP commands. */
final class FixtureRequests {

    static final String MENU_ITEM_ID = "lab-dish";
    static final long PRICE_CENTS = 1_250;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private FixtureRequests() {}

    /** @param api where the consumers and restaurants contexts answer */
    static Fixture create(URI api, String token) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            String consumerId =
                    post(http, api.resolve("/api/consumers"), token, Map.of("name", "Lab Consumer"), "consumerId");
            var menu = List.of(Map.of("menuItemId", MENU_ITEM_ID, "name", "Lab Dish", "priceCents", PRICE_CENTS));
            String restaurantId = post(
                    http,
                    api.resolve("/api/restaurants"),
                    token,
                    Map.of("name", "Lab Kitchen", "menu", menu),
                    "restaurantId");
            return new Fixture(consumerId, UUID.randomUUID().toString(), restaurantId, MENU_ITEM_ID, PRICE_CENTS);
        }
    }

    private static String post(HttpClient http, URI uri, String token, Object body, String idField)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("POST " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode answer = JSON.readTree(response.body());
        return answer.path(idField).asText();
    }
}
