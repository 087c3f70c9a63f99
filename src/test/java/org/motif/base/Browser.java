package org.motif.base;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium for browser tests; Selenium Manager never downloads anything. */
public final class Browser {
    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final String MISSING = "Chromium or chromedriver missing: apt-get install -y chromium chromium-driver (.ci/run does)";

    private Browser() {
    }

    public static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    /** A fresh headless Chromium with a window of the given size in CSS pixels (390x844 for a phone). */
    /**
     * A wait that retries when Vaadin replaced the element between finding and reading it (a stale
     * element is "not there yet", like a missing one, not a failure).
     */
    public static WebDriverWait await(WebDriver driver, int seconds) {
        var wait = new WebDriverWait(driver, java.time.Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public static WebDriver start(int width, int height) {
        try {
            Path profile = Files.createTempDirectory("motif-chromium");
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
            if (width < 500) {
                // headless windows are at least 500 px wide: emulate the phone's viewport instead
                options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                        java.util.Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
            }
            var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
            return new ChromeDriver(service, options);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The native input inside a Vaadin field found by CSS selector. */
    public static WebElement shadowInput(WebDriver driver, String hostSelector) {
        WebElement host = driver.findElement(By.cssSelector(hostSelector));
        return (WebElement) ((JavascriptExecutor) driver).executeScript("return arguments[0].querySelector('input') || arguments[0].inputElement", host);
    }
}
