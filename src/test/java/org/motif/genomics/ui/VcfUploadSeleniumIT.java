package org.motif.genomics.ui;

import org.motif.StudyFixtures;
import org.motif.base.Browser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.motif.db.Tables.VCF_IMPORT;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motif.AbstractIT;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A geneticist uploads the fixture VCF in a real browser and sees the import report. */
class VcfUploadSeleniumIT extends AbstractIT {
    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;
    private WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) driver.quit();
    }

    @Test
    void uploading_the_fixture_vcf_shows_the_report() throws Exception {
        assumeTrue(new File("/usr/bin/chromium").canExecute() && new File("/usr/bin/chromedriver").canExecute(),
                "chromium/chromedriver not installed (apt-get install -y chromium chromium-driver); skipping the browser test");
        StudyFixtures.deleteImports(db, VCF_IMPORT.FILE_NAME.like("fixture-%"));
        org.motif.genomics.FixtureFamilies.insert(db);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + Files.createTempDirectory("chrome"));
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
        WebDriverWait wait = Browser.await(driver, 60);
        driver.get("http://localhost:" + port + "/login");
        wait.until(d -> !d.findElements(By.cssSelector("#vaadinLoginUsername input")).isEmpty());
        driver.findElement(By.cssSelector("#vaadinLoginUsername input")).sendKeys(ADMIN);
        driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        wait.until(d -> !d.getCurrentUrl().contains("login"));
        driver.get("http://localhost:" + port + "/genomics/imports");
        WebElement upload = wait.until(d -> d.findElements(By.id("vcf-upload")).stream().findFirst().orElse(null));
        WebElement input = wait.until(d -> {
            var inside = upload.findElements(By.cssSelector("input[type=file]"));
            if (!inside.isEmpty()) return inside.get(0);
            var shadow = upload.getShadowRoot().findElements(By.cssSelector("input[type=file]"));
            return shadow.isEmpty() ? null : shadow.get(0);
        });
        input.sendKeys(Path.of("genomics/fixtures/fixture-family.vcf").toAbsolutePath().toString());
        wait.until(d -> {
            d.findElement(By.id("vcf-refresh")).click();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return d.findElement(By.id("vcf-imports")).getText().contains("done");
        });
        driver.findElement(By.cssSelector("#vcf-imports vaadin-grid-cell-content")).getText();
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const g = document.getElementById('vcf-imports'); g.activeItem = g._dataProviderController.rootCache.items[0];");
        wait.until(d -> d.findElement(By.id("vcf-report")).getText().contains("40 records read"));
        assertThat(driver.findElement(By.id("vcf-report")).getText()).contains("fixture-family.vcf: done", "40 variants stored",
                "144 of 144 samples matched");
        Files.write(Path.of("/tmp/genomics-imports.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        driver.get("http://localhost:" + port + "/genomics/variants");
        // other tests share the database and import variants too: narrow the browser to this fixture's region
        WebElement region = wait.until(d -> d.findElements(By.xpath("//vaadin-text-field[label[starts-with(normalize-space(.), 'Region')]]//input")).stream().findFirst().orElse(null));
        region.sendKeys("1:47951163-47951163");
        driver.findElement(By.id("variant-search")).click();
        wait.until(d -> d.findElement(By.id("variants")).getText().contains("1:47951163:T:C"));
        wait.until(d -> d.findElement(By.id("variants")).getText().contains("FAM01"));
        Files.write(Path.of("/tmp/genomics-variants.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
