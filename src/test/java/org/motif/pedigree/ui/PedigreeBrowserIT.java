package org.motif.pedigree.ui;

import org.motif.base.Browser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motif.AbstractIT;
import org.motif.participant.FamilyService;
import org.motif.participant.PhenotypeService;
import org.motif.pedigree.Affection;
import org.motif.pedigree.Certainty;
import org.motif.pedigree.DystoniaType;
import org.motif.pedigree.PhenotypeDetail;
import org.motif.security.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Real browser: the family page draws the pedigree, a click on a symbol opens the record; saves a screenshot. */
class PedigreeBrowserIT extends AbstractIT {
    @LocalServerPort int port;
    @Autowired FamilyService families;
    @Autowired PhenotypeService phenotypes;
    private WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) driver.quit();
        SecurityContextHolder.clearContext();
    }

    @Test
    void clicking_an_individual_in_the_drawing_opens_their_record() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "chromium and chromedriver are not installed (apt-get install -y chromium chromium-driver)");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("it", null,
                AuthorityUtils.createAuthorityList(Role.authorities(List.of(Role.ADMIN)).toArray(String[]::new))));
        String ped = Files.readAllLines(Path.of("genomics/demo-families.ped")).stream().filter(l -> l.startsWith("DEMO04\t"))
                .map(l -> l.replace("DEMO04", "BRW04")).reduce("", (a, b) -> a + b + "\n");
        families.importPed(ped, false);
        phenotypes.add("BRW04_03", Affection.AFFECTED, new PhenotypeDetail(DystoniaType.MUSICIANS_FOCAL_HAND_DYSTONIA, "hand", "left", "violin",
                null, 29, Certainty.DEFINITE, null, List.of(), null, LocalDate.now(), null));
        phenotypes.add("BRW04_04", Affection.AFFECTED, new PhenotypeDetail(DystoniaType.EMBOUCHURE_DYSTONIA, null, null, "trumpet",
                null, 41, Certainty.PROBABLE, null, List.of(), null, LocalDate.now(), null));

        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("chrome"));
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build(), options);
        var wait = Browser.await(driver, 60);
        driver.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#vaadinLoginUsername input"))).sendKeys(ADMIN);
        driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main-nav")));
        driver.get("http://localhost:" + port + "/families/BRW04");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pedigree-drawing svg")));
        Thread.sleep(1000);
        Path shot = Path.of("target", "screenshots", "family-BRW04.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        driver.findElement(By.cssSelector("#pedigree-drawing a[href='participants/BRW04_03']")).click();
        wait.until(ExpectedConditions.urlContains("participants/BRW04_03"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "Participant BRW04_03"));
        Files.write(Path.of("target", "screenshots", "participant-BRW04_03.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        assertThat(driver.getCurrentUrl()).endsWith("/participants/BRW04_03");
    }
}
