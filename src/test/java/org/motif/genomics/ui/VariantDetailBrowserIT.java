package org.motif.genomics.ui;

import org.motif.base.Browser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motif.AbstractIT;
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
import org.jooq.DSLContext;
import org.motif.base.DemoContributor;
import org.motif.genomics.DemoVcf;
import org.motif.genomics.FilterSetService;
import org.motif.genomics.VariantQueryService.VariantQuery;
import static org.motif.db.Tables.FILTER_SET;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Real browser: pick a saved filter set, select the TOR1A variant, see DEMO03's pedigree with genotypes; saves screenshots. */
class VariantDetailBrowserIT extends AbstractIT {
    @LocalServerPort int port;
    @Autowired DSLContext db;
    @Autowired List<DemoContributor> contributors;
    @Autowired FilterSetService filterSets;
    private WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) driver.quit();
        SecurityContextHolder.clearContext();
    }

    @Test
    void choosing_a_filter_set_and_a_variant_draws_the_family_with_genotypes() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "chromium and chromedriver are not installed (apt-get install -y chromium chromium-driver)");
        String id = DemoVcf.load(db, contributors, false);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("it", null,
                AuthorityUtils.createAuthorityList(Role.authorities(List.of(Role.ADMIN)).toArray(String[]::new))));
        db.deleteFrom(FILTER_SET).where(FILTER_SET.NAME.eq("tor1a-demo03")).execute();
        filterSets.save("tor1a-demo03", new VariantQuery(id, List.of("TOR1A"), null, 0.001, "DEMO03", 30.0, true, null));
        SecurityContextHolder.clearContext();

        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1400",
                "--user-data-dir=" + Files.createTempDirectory("chrome"));
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build(), options);
        var wait = Browser.await(driver, 90);
        driver.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#vaadinLoginUsername input"))).sendKeys(ADMIN);
        driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main-nav")));
        driver.get("http://localhost:" + port + "/genomics/variants");
        var combo = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#filter-set input")));
        combo.sendKeys("tor1a-demo03");
        Thread.sleep(800);
        combo.sendKeys(Keys.ENTER);
        wait.until(d -> d.findElements(By.xpath("//vaadin-grid-cell-content[contains(., 'chr9:129814200')]")).size() > 0);
        driver.findElement(By.xpath("//vaadin-grid-cell-content[contains(., 'chr9:129814200')]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#variant-detail svg")));
        Thread.sleep(1000);
        Path shot = Path.of("target", "screenshots", "variant-detail-TOR1A.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        String svg = driver.findElement(By.cssSelector("#variant-detail svg")).getAttribute("outerHTML");
        assertThat(svg).contains("Pedigree of DEMO03", ">0/1</text>", "not in VCF");

        driver.get("http://localhost:" + port + "/genomics/imports");
        wait.until(d -> d.findElements(By.xpath("//vaadin-grid-cell-content[contains(., '" + id + "')]")).size() > 0);
        driver.findElement(By.xpath("//vaadin-grid-cell-content[contains(., '" + id + "')]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("vcf-sample-qc")));
        Thread.sleep(1500);
        Files.write(Path.of("target", "screenshots", "vcf-import-qc.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
