package org.motif.questionnaire.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motif.AbstractIT;
import org.motif.StudyFixtures;
import org.motif.base.Browser;
import org.motif.security.Role;
import org.motif.security.UserService;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A participant on a phone (390x844, headless Chromium) opens their link, switches to German,
 * consents, answers GAD-7 and the musical background form, reloads half-way, submits; the API then
 * shows the answers and the GAD-7 score, and the link is read-only. An unknown link shows the plain
 * message and no staff page.
 */
class SurveyBrowserIT extends AbstractIT {
    private static final String COORDINATOR = "browser-coordinator";
    private static final String PASSWORD = "browser-password-1";
    private static final int[] GAD7 = {1, 2, 0, 3, 1, 2, 1}; // total 10 → moderate (10–14)

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;
    @Autowired
    UserService users;
    WebDriver driver;
    WebDriverWait wait;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void startBrowser() {
        assumeTrue(Browser.available(), Browser.MISSING);
        driver = Browser.start(390, 844);
        wait = Browser.await(driver, 60);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) driver.quit();
    }

    @Test
    void a_participant_answers_on_a_phone_in_german_and_the_coordinator_sees_the_score() throws Exception {
        StudyFixtures.staff(users, COORDINATOR, PASSWORD, Role.COORDINATOR);
        StudyFixtures.participant(db, "SB01", "SB01-01", "female");
        String url = assign("SB01-01", List.of("gad7", "musical_background"));
        assertThat(url).startsWith("http://localhost:" + port + "/survey/");

        driver.get(url);
        waitFor("survey-next");
        screenshot("survey-landing");
        new Select(driver.findElement(By.id("survey-language"))).selectByValue("de");
        wait.until(d -> d.findElement(By.id("survey-next")).getText().equals("Beginnen"));
        click("survey-next");

        waitFor("consent-name");
        assertThat(driver.findElement(By.className("survey-consent-text")).getText()).contains("Einwilligung");
        screenshot("survey-consent");
        input("consent-name").sendKeys("Erika Mustermann");
        driver.findElement(By.cssSelector("#consent-accept")).click();
        click("survey-next");

        waitFor("gad7_1");
        assertThat(driver.findElement(By.id("gad7_1")).getText()).contains("Nervosität");
        for (int i = 0; i < 4; i++) choose("gad7_" + (i + 1), GAD7[i]);
        waitForSaved();
        screenshot("survey-question");

        driver.navigate().refresh(); // half-way: the page and the answers come back
        waitFor("gad7_1");
        for (int i = 0; i < 4; i++) assertThat(chosen("gad7_" + (i + 1))).as("gad7_%d after reload", i + 1).isEqualTo(GAD7[i]);
        for (int i = 4; i < 7; i++) choose("gad7_" + (i + 1), GAD7[i]);
        waitForSaved();
        nextPage();

        // musical background: answer whatever each page shows (showIf may add items), then next
        while (!present("survey-submit")) {
            wait.until(d -> !d.findElements(By.id("survey-next")).isEmpty());
            fillVisibleItems();
            waitForSaved();
            nextPage();
        }
        click("survey-submit");
        WebElement complete = waitFor("survey-complete");
        assertThat(complete.getText()).contains("Danke");
        screenshot("survey-complete");

        JsonNode responses = json.readTree(get("/api/v1/participants/SB01-01/responses"));
        JsonNode gad7 = responses.path("items").get(0).path("instruments").get(0);
        assertThat(gad7.path("id").asText()).isEqualTo("gad7");
        for (int i = 0; i < 7; i++) assertThat(gad7.path("answers").path("gad7_" + (i + 1)).asInt()).isEqualTo(GAD7[i]);
        JsonNode total = gad7.path("scores").get(0);
        assertThat(total.path("id").asText()).isEqualTo("total");
        assertThat(total.path("score").asDouble()).isEqualTo(10.0);
        assertThat(total.path("band").asText()).isEqualTo("moderate");
        assertThat(responses.path("items").get(0).path("status").asText()).isEqualTo("completed");

        driver.get(url); // read-only from now on
        assertThat(waitFor("survey-complete").isDisplayed()).isTrue();
        assertThat(driver.findElements(By.id("survey-next"))).isEmpty();
    }

    @Test
    void an_unknown_link_shows_the_plain_message_and_no_staff_page() {
        driver.get("http://localhost:" + port + "/survey/" + "x".repeat(32));
        WebElement invalid = waitFor("survey-invalid");
        assertThat(invalid.getText()).contains("not valid");
        assertThat(driver.findElements(By.id("main-nav"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("vaadin-login-form"))).isEmpty();
    }

    private String assign(String participantId, List<String> instruments) throws Exception {
        String body = json.writeValueAsString(java.util.Map.of("instruments", instruments, "event", "baseline"));
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/participants/" + participantId + "/assignments"))
                .header("Authorization", basic()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("url").asText();
    }

    private String get(String path) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", basic()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((COORDINATOR + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private WebElement waitFor(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private boolean present(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    private void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /** Clicks Next and waits until the next page has replaced this one. */
    private void nextPage() {
        WebElement next = wait.until(ExpectedConditions.elementToBeClickable(By.id("survey-next")));
        next.click();
        wait.until(ExpectedConditions.stalenessOf(next));
    }

    private WebElement input(String id) {
        return Browser.shadowInput(driver, "#" + id);
    }

    /** Taps the radio of a single-choice item with this value (radios follow the response set: 0, 1, 2, 3 for GAD-7). */
    private void choose(String itemId, int value) {
        List<WebElement> radios = driver.findElements(By.cssSelector("#" + itemId + " vaadin-radio-button"));
        WebElement radio = radios.get(value);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", radio);
        radio.findElement(By.cssSelector("label")).click();
        wait.until(d -> radio.getAttribute("checked") != null);
    }

    private int chosen(String itemId) {
        List<WebElement> radios = driver.findElements(By.cssSelector("#" + itemId + " vaadin-radio-button"));
        for (int i = 0; i < radios.size(); i++) if (radios.get(i).getAttribute("checked") != null) return i;
        return -1;
    }

    private void waitForSaved() {
        // a round trip: the server has processed every change once the 'Saved' note is current
        wait.until(d -> ((JavascriptExecutor) d).executeScript("return !window.Vaadin || !Vaadin.Flow.clients || Object.values(Vaadin.Flow.clients).every(c => !c.isActive())").equals(true));
    }

    /** Fills each visible, still empty item of the page with a valid answer, until no new item appears. */
    private void fillVisibleItems() {
        for (int round = 0; round < 5; round++) {
            boolean filled = false;
            for (WebElement item : driver.findElements(By.cssSelector(".survey-item"))) {
                if (!item.isDisplayed()) continue;
                String tag = item.getTagName();
                JavascriptExecutor js = (JavascriptExecutor) driver;
                js.executeScript("arguments[0].scrollIntoView({block: 'center'})", item);
                switch (tag) {
                    case "vaadin-radio-group" -> {
                        if (item.findElements(By.cssSelector("vaadin-radio-button[checked]")).isEmpty()) {
                            item.findElements(By.cssSelector("vaadin-radio-button label")).get(0).click();
                            filled = true;
                        }
                    }
                    case "vaadin-checkbox-group" -> {
                        if (item.findElements(By.cssSelector("vaadin-checkbox[checked]")).isEmpty()) {
                            item.findElements(By.cssSelector("vaadin-checkbox label")).get(0).click();
                            filled = true;
                        }
                    }
                    case "vaadin-integer-field", "vaadin-number-field", "vaadin-text-field", "vaadin-text-area", "vaadin-date-picker" -> {
                        WebElement input = item.findElement(By.cssSelector("input, textarea"));
                        if (input.getAttribute("value") == null || input.getAttribute("value").isEmpty()) {
                            String min = item.getAttribute("min");
                            String value = switch (tag) {
                                case "vaadin-integer-field", "vaadin-number-field" -> min == null || min.isEmpty() ? "3" : String.valueOf((int) Math.ceil(Double.parseDouble(min)) + 3);
                                case "vaadin-date-picker" -> "2020-01-15";
                                default -> "Violine";
                            };
                            input.sendKeys(value);
                            input.sendKeys(org.openqa.selenium.Keys.TAB);
                            filled = true;
                        }
                    }
                    default -> {
                    }
                }
                waitForSaved();
            }
            if (!filled) return;
        }
    }

    private void screenshot(String name) throws Exception {
        Path shot = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
