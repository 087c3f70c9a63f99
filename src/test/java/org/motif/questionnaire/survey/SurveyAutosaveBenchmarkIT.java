package org.motif.questionnaire.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.motif.StudyFixtures.as;
import static org.motif.db.Tables.RESPONSE;

import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.motif.AbstractIT;
import org.motif.StudyFixtures;
import org.motif.TestDatabase;
import org.motif.base.Browser;
import org.motif.security.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Benchmark (not part of the test run; README "Benchmarks"): N participants answer at once. The
 * autosave path (SurveyService.saveAnswer: token lookup, validation, row lock, upsert, audit) is driven
 * from N threads; p50/p95 per N, every answer counted in the database afterwards; server heap per
 * open survey session (Vaadin UI) measured over real HTTP sessions; and one real-browser round trip.
 * Run: {@code mvn verify -DskipUTs -Dit.test=SurveyAutosaveBenchmarkIT -DexcludedGroups=none}
 * (add MOTIF_TEST_POSTGRES_URL… for PostgreSQL).
 */
@Tag("benchmark")
class SurveyAutosaveBenchmarkIT extends AbstractIT {
    private static final int ANSWERS_PER_PARTICIPANT = 40;

    @Autowired
    AssignmentService assignments;
    @Autowired
    SurveyService surveys;
    @Autowired
    DSLContext db;
    @LocalServerPort
    int port;

    @Test
    void autosave_latency_for_25_50_and_100_concurrent_participants() throws Exception {
        System.out.printf("%n== Survey autosave benchmark on %s, %d cores%n", TestDatabase.isPostgres() ? "PostgreSQL" : "H2",
                Runtime.getRuntime().availableProcessors());
        run(10, "warm-up", false);
        for (int n : new int[]{25, 50, 100}) {
            run(n, "N=" + n, false);
            run(n, "floor" + n, true);
        }
        sessionMemory(100);
        browserRoundTrip(20);
    }

    /**
     * @param floor instead of the autosave path, one bare single-row insert per answer from the same
     *              threads: the reference the autosave figures are compared with (same machine, same moment)
     */
    private void run(int n, String label, boolean floor) throws Exception {
        List<String> tokens = new ArrayList<>();
        String prefix = "BM" + label.replaceAll("\\W", "") + "-" + System.nanoTime() % 100000;
        for (int i = 0; i < n; i++) {
            String id = StudyFixtures.participant(db, prefix, prefix + "-" + i, "female");
            String url = as("bench-coordinator", () -> assignments.assign(List.of(id), List.of("gad7", "stai"), "baseline", null, "http://x"), Role.COORDINATOR).get(0).url();
            String token = url.substring(url.lastIndexOf('/') + 1);
            surveys.consent(token, "Bench Participant", true, "en");
            tokens.add(token);
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (String token : tokens) {
            Callable<long[]> participant = () -> {
                long[] nanos = new long[ANSWERS_PER_PARTICIPANT];
                for (int a = 0; a < ANSWERS_PER_PARTICIPANT; a++) {
                    // 7 GAD-7 items then 33 of the 40 STAI items, one answer each, as a participant would give them
                    String item = a < 7 ? "gad7_" + (a + 1) : "stai_" + (a - 6);
                    int value = a < 7 ? a % 4 : 1 + a % 4;
                    long t0 = System.nanoTime();
                    if (floor) {
                        db.insertInto(org.motif.db.Tables.AUDIT_EVENT).set(org.motif.db.Tables.AUDIT_EVENT.ACTOR, "bench")
                                .set(org.motif.db.Tables.AUDIT_EVENT.ACTION, "bench.floor").set(org.motif.db.Tables.AUDIT_EVENT.ENTITY_ID, item).execute();
                    } else {
                        surveys.saveAnswer(token, item, value);
                    }
                    nanos[a] = System.nanoTime() - t0;
                }
                return nanos;
            };
            futures.add(pool.submit(participant));
        }
        long[] all = new long[n * ANSWERS_PER_PARTICIPANT];
        int k = 0;
        for (Future<long[]> f : futures) for (long v : f.get()) all[k++] = v;
        double wall = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(all);
        long stored = 0;
        for (String token : floor ? List.<String>of() : tokens) {
            long pk = surveys.open(token).orElseThrow().assignmentPk();
            stored += db.fetchCount(RESPONSE, RESPONSE.ASSIGNMENT_PK.eq(pk));
        }
        System.out.printf("%-8s answers %6d in %5.1f s (%6.0f/s)  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  stored %d of %d%n", label, all.length, wall,
                all.length / wall, all[all.length / 2] / 1e6, all[(int) (all.length * 0.95)] / 1e6, all[all.length - 1] / 1e6, stored, all.length);
        if (!floor) assertThat(stored).as("no answer lost").isEqualTo(all.length);
    }

    /** Heap used after GC, before and after opening {@code n} survey pages in separate HTTP sessions. */
    private void sessionMemory(int n) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = StudyFixtures.participant(db, "BMMEM", "BMMEM-" + i + "-" + System.nanoTime() % 100000, "male");
            String url = as("bench-coordinator", () -> assignments.assign(List.of(id), List.of("gad7"), "baseline", null, "http://x"), Role.COORDINATOR).get(0).url();
            tokens.add(url.substring(url.lastIndexOf('/') + 1));
        }
        long before = usedHeapAfterGc();
        List<HttpClient> clients = new ArrayList<>();
        for (String token : tokens) {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            clients.add(client);
            var page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/survey/" + token)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
        }
        long after = usedHeapAfterGc();
        System.out.printf("session memory: %d survey pages opened, heap %+.1f MB, %.0f KB per session%n", n, (after - before) / 1048576.0,
                (after - before) / 1024.0 / n);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** End-to-end: a radio tap in Chromium until the server's "Saved" note is back. */
    private void browserRoundTrip(int samples) throws Exception {
        if (!Browser.available()) {
            System.out.println("browser round trip: skipped (" + Browser.MISSING + ")");
            return;
        }
        String id = StudyFixtures.participant(db, "BMWEB", "BMWEB-" + System.nanoTime() % 100000, "female");
        String url = as("bench-coordinator", () -> assignments.assign(List.of(id), List.of("stai"), "baseline", null, "http://localhost:" + port), Role.COORDINATOR).get(0).url();
        String token = url.substring(url.lastIndexOf('/') + 1);
        surveys.consent(token, "Bench Participant", true, "en");
        surveys.moveTo(token, SurveyStep.section("stai", 0), "en");
        WebDriver driver = Browser.start(390, 844);
        try {
            driver.get(url);
            var wait = Browser.await(driver, 60);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stai_1")));
            long[] nanos = new long[samples];
            for (int i = 0; i < samples; i++) {
                String item = "stai_" + (1 + i % 20);
                List<WebElement> labels = driver.findElements(By.cssSelector("#" + item + " vaadin-radio-button label"));
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.querySelector('.survey-saved').textContent=''; arguments[0].scrollIntoView({block:'center'})", labels.get(0));
                long t0 = System.nanoTime();
                labels.get(i % 4).click();
                wait.until(d -> !d.findElement(By.className("survey-saved")).getText().isEmpty());
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            System.out.printf("browser round trip (tap → 'Saved' shown), %d taps: p50 %.0f ms  p95 %.0f ms%n", samples, nanos[samples / 2] / 1e6,
                    nanos[(int) (samples * 0.95)] / 1e6);
        } finally {
            driver.quit();
        }
    }
}
