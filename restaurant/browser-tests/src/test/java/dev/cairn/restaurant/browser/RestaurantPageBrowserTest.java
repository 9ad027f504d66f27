package dev.cairn.restaurant.browser;

import static dev.cairn.restaurant.browser.OrderShows.delivery;
import static dev.cairn.restaurant.browser.OrderShows.payment;
import static dev.cairn.restaurant.browser.OrderShows.reason;
import static dev.cairn.restaurant.browser.OrderShows.state;
import static dev.cairn.restaurant.browser.OrderShows.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The web page in a real browser (headless Chromium), against the whole system started in-process:
 * everything is done through the page, as a user would, and every state change is seen arriving
 * live from {@code /api/stream} without reloading.
 */
class RestaurantPageBrowserTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Path FAILURES = Path.of("target", "browser-failures");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** docs/screenshots of the repository (the tests run in restaurant/browser-tests). */
    private static final Path DOC_SCREENSHOTS = Path.of("..", "..", "docs", "screenshots");

    private static InProcessSystem system;
    private static Browser browser;

    /** On a failure, keeps what the browser showed: a screenshot, the page source and the console. */
    @RegisterExtension
    static final AfterTestExecutionCallback KEEP_THE_PAGE_ON_FAILURE = RestaurantPageBrowserTest::keepThePageOnFailure;

    @BeforeAll
    static void startSystemAndBrowser() throws IOException {
        Browser.requireInstalled();
        system = InProcessSystem.start();
        browser = Browser.start(1400, 1000);
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (system != null) {
                system.close();
            }
        }
    }

    @Test
    void aUserRunsTheRestaurantFromThePage() throws IOException {
        RestaurantPage page = new RestaurantPage(browser.driver(), TIMEOUT);
        String admin = system.adminToken();
        page.open(system.uri().resolve("/#token=" + admin));
        assertThat(page.address())
                .as("the token is removed from the address bar")
                .doesNotContain("token")
                .doesNotContain(admin);
        assertThat(page.signedIn()).isEqualTo("signed in as the admin");
        page.markDocument("not reloaded");

        // Set up: a consumer, a restaurant with a menu, a courier.
        String ada = page.createConsumer("Ada");
        String chez = page.createRestaurant("Chez Cairn", List.of("Margherita, 9.50", "Tiramisu, 5.00"));
        String grace = page.createCourier("Grace");

        // An order appears and is approved. After a click the page fetches nothing: every later
        // change reaches it through /api/stream only.
        String delivered = page.placeOrder(ada, chez, Map.of("Margherita", 2, "Tiramisu", 1), "tok_visa");
        page.waitForOrder(delivered, state("APPROVED"), ticket("AWAITING_ACCEPTANCE"));
        assertThat(page.orderText(delivered))
                .contains("Chez Cairn", "2× Margherita, 1× Tiramisu", "24.00", "awaiting the kitchen", "authorised");

        // The kitchen, then the courier, drive it to its end.
        page.act(delivered, "accept");
        page.waitForOrder(delivered, ticket("ACCEPTED"), delivery("SCHEDULED"));
        assertThat(page.orderAttribute(delivered, "data-courier")).isEqualTo(grace);
        page.act(delivered, "preparing");
        page.waitForOrder(delivered, ticket("PREPARING"));
        page.act(delivered, "ready");
        page.waitForOrder(delivered, ticket("READY_FOR_PICKUP"));
        page.act(delivered, "pickup");
        page.waitForOrder(delivered, delivery("PICKED_UP"), ticket("PICKED_UP"));
        page.act(delivered, "deliver");
        page.waitForOrder(delivered, delivery("DELIVERED"), state("COMPLETED"), payment("CAPTURED"));
        assertThat(page.orderText(delivered)).contains("completed · paid", "delivered", "Grace");

        // A second order, cancelled by the consumer before the kitchen starts.
        String cancelled = page.placeOrder(ada, chez, Map.of("Tiramisu", 3), "tok_visa");
        page.waitForOrder(cancelled, state("APPROVED"), ticket("AWAITING_ACCEPTANCE"));
        viewport(SCREENSHOTS.resolve("board-with-next-steps.png"));
        page.act(cancelled, "cancel");
        page.waitForOrder(cancelled, state("CANCELLED"), reason("CANCELLED_BY_CONSUMER"), payment("REVERSED"));
        assertThat(page.orderText(cancelled)).contains("cancelled", "cancelled by consumer", "15.00");

        // A third, paid with the card that is declined.
        String rejected = page.placeOrder(ada, chez, Map.of("Margherita", 1), "tok_declined");
        page.waitForOrder(rejected, state("REJECTED"), reason("PAYMENT_DECLINED"));
        assertThat(page.orderText(rejected)).contains("rejected", "payment declined");

        // A fourth, rejected by the kitchen (which is asked why).
        String refused = page.placeOrder(ada, chez, Map.of("Margherita", 1, "Tiramisu", 1), "tok_visa");
        page.waitForOrder(refused, ticket("AWAITING_ACCEPTANCE"));
        page.reject(refused, "the oven is broken");
        page.waitForOrder(refused, state("CANCELLED"), reason("RESTAURANT_REJECTED"), payment("REVERSED"));
        page.waitFor(
                "the kitchen's reason on the board",
                d -> page.orderText(refused).contains("the oven is broken"));

        // The event log and the processors.
        assertThat(page.waitForEvent("ordering.OrderCreated", "order-" + delivered))
                .contains("ordering.OrderCreated");
        page.waitForEvent("delivery.DeliveryDelivered", "delivery-" + delivered);
        page.waitForEvent("accounting.PaymentDeclined", "payment-" + rejected);
        assertThat(page.waitForEvent("kitchen.TicketRejected", "ticket-" + refused))
                .contains("the oven is broken");
        List<String> streams = page.showEventsOf(delivered);
        assertThat(streams)
                .isNotEmpty()
                .allSatisfy(stream -> assertThat(stream).endsWith(delivered))
                .contains("order-" + delivered, "ticket-" + delivered, "payment-" + delivered, "delivery-" + delivered);
        page.clearEventFilter();
        Map<String, String> lags = page.waitForProcessorsCaughtUp(7);
        assertThat(lags).isNotEmpty();

        assertThat(page.documentMark()).as("the page was never reloaded").isEqualTo("not reloaded");
        assertThat(page.streamUpdates())
                .as("order updates received from /api/stream")
                .isGreaterThanOrEqualTo(20);
        assertThat(severeConsoleMessages()).as("errors in the browser console").isEmpty();
        // The screenshots the documentation shows: names, the currency and final states, on a desktop and a phone.
        screenshot(DOC_SCREENSHOTS.resolve("restaurant-desktop.png"), 1400);
        screenshot(SCREENSHOTS.resolve("restaurant-390px-whole.png"), 390);
        phone(DOC_SCREENSHOTS.resolve("restaurant-390px.png"), "#orders");
        browser.driver().manage().window().setSize(new Dimension(1400, 1000));

        // Coming back later: the page shows the latest orders and remembers who this browser created.
        page.open(system.uri());
        assertThat(page.documentMark()).isNull();
        page.waitFor(
                "the four orders after reopening the page", d -> page.orderIds().size() == 4);
        page.waitForOrder(delivered, delivery("DELIVERED"));
        page.waitForOrder(cancelled, reason("CANCELLED_BY_CONSUMER"));
        page.waitForOrder(rejected, reason("PAYMENT_DECLINED"));
        page.waitForOrder(refused, reason("RESTAURANT_REJECTED"));
        assertThat(page.selectedConsumer()).isEqualTo(ada);
        assertThat(page.orderText(delivered)).contains("Ada", "Grace");
    }

    /** What a 390 px wide phone shows with the element scrolled to the top of the screen. */
    private static void phone(Path file, String selector) throws IOException {
        var driver = browser.driver();
        driver.manage().window().setSize(new Dimension(390, 844));
        ((JavascriptExecutor) driver).executeScript("document.querySelector(arguments[0]).scrollIntoView();", selector);
        viewport(file);
    }

    private static void viewport(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, browser.driver().getScreenshotAs(OutputType.BYTES));
    }

    /** The whole page (the window grown to the document's height) at the given width. */
    private static void screenshot(Path file, int width) throws IOException {
        var driver = browser.driver();
        driver.manage().window().setSize(new Dimension(width, 1000));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
        Number height = (Number) ((JavascriptExecutor) driver)
                .executeScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new Dimension(width, Math.min(height.intValue() + 20, 8000)));
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    private static List<String> severeConsoleMessages() {
        return browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
    }

    private static void keepThePageOnFailure(ExtensionContext context) {
        if (context.getExecutionException().isEmpty() || browser == null) {
            return;
        }
        String name = context.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(FAILURES);
            var driver = browser.driver();
            Files.write(FAILURES.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(FAILURES.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            String console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::toString)
                    .collect(Collectors.joining("\n"));
            Files.writeString(FAILURES.resolve(name + ".console.txt"), console, StandardCharsets.UTF_8);
            System.err.println("browser test failed; the page is kept in " + FAILURES.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.err.println("could not keep the page of the failed test: " + e);
        }
    }
}
