package dev.cairn.restaurant.browser;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The restaurant page as a user sees it: every method types or clicks, then waits (explicitly,
 * never by sleeping) for what the page shows in answer.
 */
final class RestaurantPage {

    private final WebDriver driver;
    private final WebDriverWait wait;

    RestaurantPage(WebDriver driver, Duration timeout) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, timeout, Duration.ofMillis(50));
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    /** Opens the page and waits until it is subscribed to {@code /api/stream}. */
    void open(URI base) {
        driver.get(base.toString());
        waitFor(
                "the live connection to /api/stream",
                d -> "live".equals(testId("connection").getText()));
    }

    /** The address bar's content. */
    String address() {
        return driver.getCurrentUrl();
    }

    /** Who the page says is signed in. */
    String signedIn() {
        return testId("signed-in").getText();
    }

    /** Leaves a mark in the page's JavaScript global state: it survives only as long as the page is not reloaded. */
    void markDocument(String mark) {
        js().executeScript("window.cairnBrowserTestMark = arguments[0];", mark);
    }

    Object documentMark() {
        return js().executeScript("return window.cairnBrowserTestMark;");
    }

    /** How many order updates the page has received from /api/stream since it was opened. */
    int streamUpdates() {
        String updates = testId("connection").getAttribute("data-updates");
        return updates == null ? 0 : Integer.parseInt(updates);
    }

    // ---- set up ------------------------------------------------------------------------------------

    /** Creates a consumer; answers its id, read from the consumer list of the order form (where it is then selected). */
    String createConsumer(String name) {
        WebElement form = driver.findElement(By.id("consumer-form"));
        type(form.findElement(By.name("name")), name);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        return waitFor("consumer " + name + " selected in the order form", d -> {
            WebElement selected = new Select(orderForm().findElement(By.name("consumerId"))).getFirstSelectedOption();
            return selected.getText().startsWith(name) ? selected.getAttribute("value") : null;
        });
    }

    /** Creates a restaurant from menu lines {@code "name, price"}; answers its id once the order form offers its menu. */
    String createRestaurant(String name, List<String> menu) {
        WebElement form = driver.findElement(By.id("restaurant-form"));
        type(form.findElement(By.name("name")), name);
        WebElement menuField = form.findElement(By.name("menu"));
        menuField.clear();
        for (int i = 0; i < menu.size(); i++) {
            menuField.sendKeys((i == 0 ? "" : Keys.ENTER.toString()) + menu.get(i));
        }
        form.findElement(By.cssSelector("button[type=submit]")).click();
        return waitFor("restaurant " + name + " selected in the order form, with its menu", d -> {
            WebElement selected = new Select(orderForm().findElement(By.name("restaurantId"))).getFirstSelectedOption();
            boolean menuShown = !driver.findElements(By.cssSelector("#menu-lines input[data-item]"))
                    .isEmpty();
            return selected.getText().equals(name) && menuShown ? selected.getAttribute("value") : null;
        });
    }

    /** Creates a courier; answers its id, read from the courier list. */
    String createCourier(String name) {
        WebElement form = driver.findElement(By.id("courier-form"));
        type(form.findElement(By.name("name")), name);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        return waitFor(
                "courier " + name + " listed",
                d -> driver.findElements(By.cssSelector("#couriers [data-courier-id]")).stream()
                        .filter(courier -> courier.getText().contains(name))
                        .map(courier -> courier.getAttribute("data-courier-id"))
                        .findFirst()
                        .orElse(null));
    }

    // ---- ordering ------------------------------------------------------------------------------------

    /**
     * Fills the order form (quantities by menu item name, 0 for items not ordered) and submits it;
     * answers the id of the order row that appears in answer.
     */
    String placeOrder(String consumerId, String restaurantId, Map<String, Integer> quantities, String paymentToken) {
        // filled again from the start if the page redraws a list meanwhile (a stale element)
        waitFor("the order form filled for consumer " + consumerId + " at restaurant " + restaurantId, d -> {
            fillOrderForm(consumerId, restaurantId, quantities);
            return true;
        });
        WebElement form = orderForm();
        String failure = "tok_declined".equals(paymentToken) ? "declined-card" : "none";
        form.findElement(By.cssSelector("[data-testid='failure-" + failure + "']"))
                .click();
        Set<String> before = orderIds();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        return waitFor(
                "a new order row",
                d -> orderIds().stream()
                        .filter(id -> !before.contains(id))
                        .findFirst()
                        .orElse(null));
    }

    private void fillOrderForm(String consumerId, String restaurantId, Map<String, Integer> quantities) {
        WebElement form = orderForm();
        new Select(form.findElement(By.name("consumerId"))).selectByValue(consumerId);
        new Select(form.findElement(By.name("restaurantId"))).selectByValue(restaurantId);
        for (WebElement quantity : form.findElements(By.cssSelector("#menu-lines input[data-item]"))) {
            String item = quantity.getAttribute("aria-label").replaceFirst("^quantity of ", "");
            type(quantity, String.valueOf(quantities.getOrDefault(item, 0)));
        }
    }

    Set<String> orderIds() {
        return driver.findElements(By.cssSelector("#order-rows tr[data-order]")).stream()
                .map(row -> row.getAttribute("data-order"))
                .collect(Collectors.toSet());
    }

    /** Waits until the order's row shows {@code value} in the column behind {@code attribute} (e.g. {@code data-state}). */
    void waitForOrder(String orderId, String attribute, String value) {
        waitFor(
                () -> "order " + orderId + " with " + attribute + "=" + value + " (row now: " + rowSummary(orderId)
                        + ")",
                d -> value.equals(row(orderId).getAttribute(attribute)));
    }

    /** Waits for each column in turn, in the order given, to show its value. */
    void waitForOrder(String orderId, OrderShows... expected) {
        for (OrderShows shows : expected) {
            waitForOrder(orderId, shows.attribute(), shows.value());
        }
    }

    /** The row's visible text, for assertions on what a user reads. */
    String orderText(String orderId) {
        return waitFor("the row of order " + orderId, d -> row(orderId).getText());
    }

    String orderAttribute(String orderId, String attribute) {
        return waitFor("the row of order " + orderId, d -> row(orderId).getAttribute(attribute));
    }

    /** Clicks an action of the order's row (accept, preparing, ready, pickup, deliver, cancel) once it is enabled. */
    void act(String orderId, String action) {
        waitFor(() -> action + " enabled for order " + orderId + " (row now: " + rowSummary(orderId) + ")", d -> {
            WebElement button = row(orderId).findElement(By.cssSelector("button[data-action='" + action + "']"));
            if (!button.isEnabled()) {
                return false;
            }
            button.click();
            return true;
        });
    }

    /** The kitchen rejects the order: the page asks why (a prompt), and the reason typed is sent. */
    void reject(String orderId, String reason) {
        act(orderId, "reject");
        Alert prompt = waitFor("the kitchen's prompt for a reason", ExpectedConditions.alertIsPresent());
        prompt.sendKeys(reason);
        prompt.accept();
    }

    /** The failure the order form would try now: "none" unless the user picked one. */
    String chosenFailure() {
        return orderForm().findElements(By.cssSelector("input[name=failure]")).stream()
                .filter(WebElement::isSelected)
                .map(input -> input.getAttribute("value"))
                .findFirst()
                .orElse(null);
    }

    /** The names the consumer and courier lists show. */
    List<String> peopleShown() {
        return driver
                .findElements(
                        By.cssSelector(
                                "#consumers [data-consumer-id] > span:first-child, #couriers [data-courier-id] > span:first-child"))
                .stream()
                .map(WebElement::getText)
                .map(text -> text.lines().findFirst().orElse(""))
                .toList();
    }

    /** Picks someone in the admin's "act as" list and acts as them: the page reloads signed in as them. */
    void actAs(String name) {
        waitFor(name + " offered in the act-as picker, and picked", d -> {
            new Select(testId("act-as-select")).selectByVisibleText(name);
            return true;
        });
        driver.findElement(By.cssSelector("#act-as button[type=submit]")).click();
        waitFor("the page acting as " + name, d -> signedIn().startsWith("acting as " + name));
        waitFor(
                "the live connection to /api/stream",
                d -> "live".equals(testId("connection").getText()));
    }

    void stopActing() {
        testId("stop-acting").click();
        waitFor("the page back to the admin", d -> signedIn().equals("signed in as the admin"));
    }

    /** Whether the element with this id is displayed. */
    boolean shown(String id) {
        return driver.findElement(By.id(id)).isDisplayed();
    }

    boolean offlineBannerShown() {
        return testId("offline").isDisplayed();
    }

    boolean placeOrderEnabled() {
        return driver.findElement(By.id("place-order")).isEnabled();
    }

    String selectedConsumer() {
        return new Select(orderForm().findElement(By.name("consumerId")))
                .getFirstSelectedOption()
                .getAttribute("value");
    }

    // ---- event log and processors ----------------------------------------------------------------------

    /** Waits until the event log lists an event of the type on the stream, and answers that row's text. */
    String waitForEvent(String type, String streamId) {
        return waitFor(
                "a " + type + " event of " + streamId + " in the event log",
                d -> driver.findElements(By.cssSelector("#event-rows tr[data-type='" + type + "']")).stream()
                        .filter(row -> streamId.equals(row.getAttribute("data-stream")))
                        .map(WebElement::getText)
                        .findFirst()
                        .orElse(null));
    }

    /**
     * Clicks the order's id on the board, which filters the event log to that order; answers the
     * streams of the events then shown (verification streams too: their data names the order).
     */
    List<String> showEventsOf(String orderId) {
        waitFor("the link of order " + orderId, d -> {
            row(orderId).findElement(By.cssSelector("a[data-filter]")).click();
            return true;
        });
        return waitFor("the event log filtered to order " + orderId, d -> {
            List<WebElement> rows = driver.findElements(By.cssSelector("#event-rows tr[data-position]"));
            List<String> shown = rows.stream()
                    .filter(WebElement::isDisplayed)
                    .map(row -> row.getAttribute("data-stream"))
                    .toList();
            return !shown.isEmpty() && shown.size() < rows.size() ? shown : null;
        });
    }

    void clearEventFilter() {
        driver.findElement(By.id("events-filter")).clear();
        // clear() fires no input event in every browser: a keystroke does, as when a user empties the field
        driver.findElement(By.id("events-filter")).sendKeys(" ", Keys.BACK_SPACE);
        waitFor(
                "the whole event log shown again",
                d -> driver.findElements(By.cssSelector("#event-rows tr[data-position]")).stream()
                        .allMatch(WebElement::isDisplayed));
    }

    /** Waits until the processors table lists at least {@code atLeast} processors, all caught up (lag 0); answers name → lag cell. */
    Map<String, String> waitForProcessorsCaughtUp(int atLeast) {
        return waitFor("at least " + atLeast + " processors, all with lag 0", d -> {
            Map<String, String> lags =
                    driver.findElements(By.cssSelector("#processor-rows tr[data-processor]")).stream()
                            .collect(Collectors.toMap(
                                    row -> row.getAttribute("data-processor"),
                                    row -> row.findElement(By.cssSelector("td.lag"))
                                            .getText(),
                                    (a, b) -> b));
            return lags.size() >= atLeast && lags.values().stream().allMatch("0"::equals) ? lags : null;
        });
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    <T> T waitFor(String what, Function<WebDriver, T> condition) {
        return waitFor(() -> what, condition);
    }

    /** Waits for the condition; on time-out the message is built then, so it shows the page as it was at the end. */
    <T> T waitFor(Supplier<String> what, Function<WebDriver, T> condition) {
        wait.withMessage(() -> "waiting for " + what.get());
        return wait.until(condition);
    }

    private String rowSummary(String orderId) {
        try {
            WebElement row = row(orderId);
            return String.join(
                    " ",
                    row.getAttribute("data-state"),
                    row.getAttribute("data-ticket"),
                    row.getAttribute("data-payment"),
                    row.getAttribute("data-delivery"));
        } catch (RuntimeException e) {
            return "absent";
        }
    }

    private WebElement row(String orderId) {
        return driver.findElement(By.cssSelector("#order-rows tr[data-order='" + orderId + "']"));
    }

    private WebElement orderForm() {
        return driver.findElement(By.id("order-form"));
    }

    private WebElement testId(String id) {
        return driver.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    private static void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }
}
