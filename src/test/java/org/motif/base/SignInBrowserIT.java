package org.motif.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motif.AbstractIT;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A staff member signs in through the real login form in headless Chromium and sees the main layout. */
class SignInBrowserIT extends AbstractIT {
    @LocalServerPort
    int port;
    WebDriver driver;

    @BeforeEach
    void startBrowser() {
        assumeTrue(Browser.available(), Browser.MISSING);
        driver = Browser.start(1280, 900);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) driver.quit();
    }

    @Test
    void an_administrator_signs_in_and_sees_the_main_layout() throws Exception {
        driver.get("http://localhost:" + port + "/");
        var wait = Browser.await(driver, 60);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form")));
        Browser.shadowInput(driver, "#vaadinLoginUsername").sendKeys(ADMIN);
        Browser.shadowInput(driver, "#vaadinLoginPassword").sendKeys(ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();

        WebElement nav = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main-nav")));
        wait.until(d -> nav.getText().contains("Audit log"));
        assertThat(nav.getText()).contains("Overview", "Users", "Audit log", "API tokens");
        assertThat(driver.findElement(By.id("current-user")).getText()).contains("admin");
        assertThat(driver.getTitle()).isEqualTo("Motif");
        Path shot = Path.of("target", "screenshots", "main-layout.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
