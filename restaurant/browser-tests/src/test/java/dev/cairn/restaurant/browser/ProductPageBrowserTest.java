package dev.cairn.restaurant.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * What the product issue asks of the page, in headless Chromium: signing in from the link and acting
 * as someone else, people from the server (two browsers see the same), the failure group off by
 * default, the offline banner, and no serious or critical accessibility violation (axe-core).
 */
class ProductPageBrowserTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** axe-core from npm, pinned by package-lock.json and installed by scripts/install-browser.sh; no webjar of it is served. */
    private static final Path AXE = Path.of(System.getProperty("cairn.axe", "node_modules/axe-core/axe.min.js"));

    private InProcessSystem system;
    private String admin;
    private final List<Browser> browsers = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        Browser.requireInstalled();
        system = InProcessSystem.start();
        admin = system.adminToken();
    }

    @AfterEach
    void stop() {
        browsers.forEach(Browser::close);
        system.close();
    }

    private RestaurantPage openSignedIn(int width) throws IOException {
        Browser browser = Browser.start(width, 1000);
        browsers.add(browser);
        RestaurantPage page = new RestaurantPage(browser.driver(), TIMEOUT);
        page.open(system.uri().resolve("/#token=" + admin));
        return page;
    }

    private JsonNode post(String path, Map<String, Object> body) throws Exception {
        var request = HttpRequest.newBuilder(system.uri().resolve(path))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    /** Chez Cairn, whose menu is one soup. */
    private void registerChezCairn() throws Exception {
        post(
                "/api/restaurants",
                Map.of(
                        "name",
                        "Chez Cairn",
                        "menu",
                        List.of(Map.of("menuItemId", "m1", "name", "Soup", "priceCents", 450))));
    }

    @Test
    void the_admin_signs_in_from_the_link_and_acts_as_a_consumer() throws Exception {
        String ada =
                post("/api/consumers", Map.of("name", "Ada")).get("consumerId").asText();
        registerChezCairn();
        RestaurantPage page = openSignedIn(1200);

        assertThat(page.address()).doesNotContain("token");
        assertThat(page.signedIn()).isEqualTo("signed in as the admin");
        page.actAs("Ada");
        assertThat(page.signedIn()).contains("acting as Ada (consumer)");
        assertThat(page.selectedConsumer()).isEqualTo(ada);
        assertThat(page.shown("consumer-form"))
                .as("only the admin creates consumers")
                .isFalse();
        page.stopActing();

        page.actAs("Chez Cairn");
        assertThat(page.signedIn()).contains("acting as Chez Cairn (restaurant)");
        page.waitFor("the menu editor of its own restaurant", d -> page.shown("menu-form"));
        page.stopActing();
    }

    @Test
    void two_browsers_see_the_same_people_from_the_server_and_a_real_consumer_is_the_default() throws Exception {
        String ada =
                post("/api/consumers", Map.of("name", "Ada")).get("consumerId").asText();
        RestaurantPage first = openSignedIn(1200);
        first.createCourier("Grace");
        first.createConsumer("Bob");

        RestaurantPage second = openSignedIn(1200);
        second.waitFor(
                "the people the first browser created",
                d -> second.peopleShown().containsAll(List.of("Ada", "Bob", "Grace")));
        assertThat(second.peopleShown()).containsExactlyInAnyOrderElementsOf(first.peopleShown());
        assertThat(second.chosenFailure())
                .as("the failure group is not the default")
                .isEqualTo("none");
        assertThat(second.selectedConsumer()).isEqualTo(ada);
    }

    @Test
    void the_offline_banner_shows_and_controls_are_disabled_while_the_server_is_down() throws Exception {
        registerChezCairn();
        RestaurantPage page = openSignedIn(1200);
        page.waitFor("the order form ready", d -> page.placeOrderEnabled());
        assertThat(page.offlineBannerShown()).isFalse();

        system.system().close();

        page.waitFor("the offline banner", d -> page.offlineBannerShown());
        assertThat(page.placeOrderEnabled()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_page_has_no_serious_or_critical_accessibility_violation() throws Exception {
        if (!Files.isRegularFile(AXE)) {
            fail("axe-core is missing at " + AXE.toAbsolutePath()
                    + ": run scripts/install-browser.sh (it installs axe-core from package-lock.json)");
        }
        post("/api/consumers", Map.of("name", "Ada"));
        post("/api/couriers", Map.of("name", "Grace"));
        RestaurantPage page = openSignedIn(1200);
        page.waitFor("people listed", d -> page.peopleShown().size() == 2);
        var js = (JavascriptExecutor) browsers.getFirst().driver();
        js.executeScript(Files.readString(AXE));
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
                  .catch(e => done(['axe failed: ' + e]));""");
        assertThat((List<String>) result)
                .as("serious or critical axe violations")
                .isEmpty();
    }
}
