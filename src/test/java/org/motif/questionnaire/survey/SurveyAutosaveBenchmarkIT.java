package org.motif.questionnaire.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.motif.StudyFixtures.as;
import static org.motif.db.Tables.ASSIGNMENT;
import static org.motif.db.Tables.AUDIT_EVENT;
import static org.motif.db.Tables.RESPONSE;

import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Benchmark (not part of the test run; README "Benchmarks"): N participants answer at once through the
 * autosave path ({@link SurveyService#saveAnswer}: token check, item lookup, validation, upsert, audit),
 * driven from N threads, for N = 25, 50, 100, in two modes:
 * <ul>
 *   <li><b>paced</b>: each simulated participant waits a think time of uniform 0.5–1.5 s between answers
 *       (faster than people on a phone, who need several seconds per Likert item) — "participants
 *       answering concurrently", the mode the target p95 ≤ 100 ms at N = 100 applies to;</li>
 *   <li><b>saturation</b>: no think time, each thread fires its answers back to back (a closed loop of N
 *       threads on 2 cores, so p95 is mostly queueing), next to the <b>floor</b>: one bare single-row
 *       insert per answer from the same threads, same run.</li>
 * </ul>
 * Every answer is counted in the database afterwards in both modes. Also printed: SQL statements per save
 * and the single-thread service time, server heap per open survey session (Vaadin UI, real HTTP sessions),
 * and one real-browser round trip. Run: {@code mvn verify -DskipUTs -Dit.test=SurveyAutosaveBenchmarkIT
 * -DexcludedGroups=none} (add MOTIF_TEST_POSTGRES_URL… for PostgreSQL).
 */
@Tag("benchmark")
class SurveyAutosaveBenchmarkIT extends AbstractIT {
    private static final int ANSWERS_PER_PARTICIPANT = 40;
    private static final long THINK_MIN_MS = 500;
    private static final long THINK_MAX_MS = 1500;

    @Autowired
    AssignmentService assignments;
    @Autowired
    SurveyService surveys;
    @Autowired
    DSLContext db;
    @LocalServerPort
    int port;

    private final List<String> summary = new ArrayList<>();

    private enum Mode { PACED, SATURATION, FLOOR }

    @Test
    void autosave_latency_for_25_50_and_100_concurrent_participants() throws Exception {
        System.out.printf("%n== Survey autosave benchmark on %s, %d cores, load average %s%n", TestDatabase.isPostgres() ? "PostgreSQL" : "H2 (in memory)",
                Runtime.getRuntime().availableProcessors(), loadAverage());
        statementsPerSave();
        // warm-up (JIT, pools, caches), then the service time of one thread without contention
        for (int i = 0; i < 3; i++) run(25, Mode.SATURATION, "warm-up");
        serviceTime(800);
        for (int n : new int[]{25, 50, 100}) run(n, Mode.PACED, "paced N=" + n);
        for (int n : new int[]{25, 50, 100}) {
            run(n, Mode.SATURATION, "saturation N=" + n);
            run(n, Mode.FLOOR, "floor N=" + n);
        }
        summary.add(0, String.format("%n== Summary (%s; paced = think time uniform %.1f–%.1f s between answers, faster than people on a phone;"
                + " saturation = no think time; floor = bare single-row insert, same threads; load average now %s)", TestDatabase.isPostgres() ? "PostgreSQL" : "H2 (in memory)",
                THINK_MIN_MS / 1e3, THINK_MAX_MS / 1e3, loadAverage()));
        sessionMemory(100);
        browserRoundTrip(20);
        summary.forEach(System.out::println);
    }

    /** N participants with GAD-7 and STAI assigned and consent given; returns their tokens. */
    private List<String> participants(int n, String label) {
        List<String> tokens = new ArrayList<>();
        String prefix = "BM" + label.replaceAll("\\W", "") + "-" + System.nanoTime() % 100000;
        for (int i = 0; i < n; i++) {
            String id = StudyFixtures.participant(db, prefix, prefix + "-" + i, "female");
            String url = as("bench-coordinator", () -> assignments.assign(List.of(id), List.of("gad7", "stai"), "baseline", null, "http://x"), Role.COORDINATOR).get(0).url();
            String token = url.substring(url.lastIndexOf('/') + 1);
            surveys.consent(token, "Bench Participant", true, "en");
            tokens.add(token);
        }
        return tokens;
    }

    /** 7 GAD-7 items then 33 of the 40 STAI items, one answer each, as a participant would give them. */
    private static String item(int a) {
        return a < 7 ? "gad7_" + (a + 1) : "stai_" + (a - 6);
    }

    private static int value(int a) {
        return a < 7 ? a % 4 : 1 + a % 4;
    }

    private void run(int n, Mode mode, String label) throws Exception {
        List<String> tokens = participants(n, label);
        String load = loadAverage();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (String token : tokens) {
            Callable<long[]> participant = () -> {
                var random = ThreadLocalRandom.current();
                long[] nanos = new long[ANSWERS_PER_PARTICIPANT];
                // participants do not start in lockstep: the first answer comes after one think time
                if (mode == Mode.PACED) Thread.sleep(random.nextLong(0, THINK_MAX_MS));
                for (int a = 0; a < ANSWERS_PER_PARTICIPANT; a++) {
                    if (mode == Mode.PACED && a > 0) Thread.sleep(random.nextLong(THINK_MIN_MS, THINK_MAX_MS + 1));
                    long t0 = System.nanoTime();
                    if (mode == Mode.FLOOR) {
                        db.insertInto(AUDIT_EVENT).set(AUDIT_EVENT.ACTOR, "bench").set(AUDIT_EVENT.ACTION, "bench.floor").set(AUDIT_EVENT.ENTITY_ID, item(a)).execute();
                    } else {
                        surveys.saveAnswer(token, item(a), value(a));
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
        String stored = "";
        if (mode != Mode.FLOOR) {
            int count = db.fetchCount(RESPONSE.join(ASSIGNMENT).on(ASSIGNMENT.ID.eq(RESPONSE.ASSIGNMENT_PK)),
                    ASSIGNMENT.TOKEN_HASH.in(tokens.stream().map(SurveyTokens::hash).toList()), RESPONSE.VALUE_JSON.isNotNull());
            assertThat(count).as("no answer lost (%s)", label).isEqualTo(all.length);
            stored = String.format("  stored %d of %d", count, all.length);
        }
        String line = String.format(Locale.ROOT, "%-16s answers %5d in %5.1f s (%5.0f/s)  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%s  [load %s]",
                label, all.length, wall, all.length / wall, all[all.length / 2] / 1e6, all[(int) (all.length * 0.95)] / 1e6, all[all.length - 1] / 1e6, stored, load);
        System.out.println(line);
        if (!label.equals("warm-up")) summary.add(line);
    }

    /** Service time without contention: one thread, answers back to back. */
    private void serviceTime(int answers) throws Exception {
        List<String> tokens = participants(answers / ANSWERS_PER_PARTICIPANT, "svc");
        long[] nanos = new long[answers];
        int k = 0;
        for (String token : tokens) {
            for (int a = 0; a < ANSWERS_PER_PARTICIPANT; a++) {
                long t0 = System.nanoTime();
                surveys.saveAnswer(token, item(a), value(a));
                nanos[k++] = System.nanoTime() - t0;
            }
        }
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        Arrays.sort(nanos);
        String line = String.format(Locale.ROOT, "%-16s answers %5d, one thread: mean %.2f ms  p50 %.2f ms  p95 %.2f ms", "service time", answers, mean,
                nanos[answers / 2] / 1e6, nanos[(int) (answers * 0.95)] / 1e6);
        System.out.println(line);
        summary.add(line);
    }

    /** The SQL statements one save runs (first answer, next answer, changed answer, cleared answer), from jOOQ's execute listener. */
    private void statementsPerSave() {
        String token = participants(1, "stmt").get(0);
        surveys.saveAnswer(token, "stai_40", 1); // the first save of this assignment may fill caches; not counted
        Thread me = Thread.currentThread();
        List<String> statements = new ArrayList<>();
        ExecuteListener listener = new ExecuteListener() {
            @Override
            public void executeEnd(ExecuteContext ctx) {
                if (Thread.currentThread() == me) statements.add(ctx.sql().trim().split("\\s+")[0].toLowerCase(Locale.ROOT));
            }
        };
        Configuration cfg = db.configuration();
        ExecuteListenerProvider[] original = cfg.executeListenerProviders();
        ExecuteListenerProvider[] with = Arrays.copyOf(original, original.length + 1);
        with[original.length] = new DefaultExecuteListenerProvider(listener);
        cfg.set(with);
        try {
            for (Object[] step : new Object[][]{{"first answer", "gad7_1", 1}, {"next answer", "gad7_2", 2}, {"changed answer", "gad7_1", 3},
                    {"cleared answer", "gad7_2", null}}) {
                statements.clear();
                surveys.saveAnswer(token, (String) step[1], step[2]);
                String line = String.format("statements per save, %-15s %d: %s", step[0], statements.size(), String.join(", ", statements));
                System.out.println(line);
                summary.add(line);
            }
        } finally {
            cfg.set(original);
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "n/a";
        }
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
        String line = String.format(Locale.ROOT, "session memory: %d survey pages opened, heap %+.1f MB, %.0f KB per session", n,
                (after - before) / 1048576.0, (after - before) / 1024.0 / n);
        System.out.println(line);
        summary.add(line);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * End-to-end: a radio tap in Chromium until the server's "Saved" note is in the page, timed inside the
     * browser (performance.now() at the click, a MutationObserver on the note), so WebDriver's own
     * overhead and polling are not part of the figure.
     */
    private void browserRoundTrip(int samples) throws Exception {
        if (!Browser.available()) {
            summary.add("browser round trip: skipped (" + Browser.MISSING + ")");
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
            wait.pollingEvery(Duration.ofMillis(10));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stai_1")));
            var js = (org.openqa.selenium.JavascriptExecutor) driver;
            double[] millis = new double[samples];
            for (int i = 0; i < samples; i++) {
                String item = "stai_" + (1 + i % 20);
                List<WebElement> labels = driver.findElements(By.cssSelector("#" + item + " vaadin-radio-button label"));
                js.executeScript("arguments[0].scrollIntoView({block:'center'})", labels.get(0));
                js.executeScript("""
                        const saved = document.querySelector('.survey-saved');
                        saved.textContent = '';
                        window.__roundTrip = null;
                        const t0 = performance.now();
                        const observer = new MutationObserver(() => {
                          if (saved.textContent) { window.__roundTrip = performance.now() - t0; observer.disconnect(); }
                        });
                        observer.observe(saved, {childList: true, characterData: true, subtree: true});
                        arguments[0].click();""", labels.get((i + 1) % 4));
                Object rt = wait.until(d -> js.executeScript("return window.__roundTrip"));
                millis[i] = ((Number) rt).doubleValue();
            }
            Arrays.sort(millis);
            String line = String.format(Locale.ROOT, "browser round trip (tap → 'Saved' in the page, timed in Chromium), %d taps: p50 %.0f ms  p95 %.0f ms  max %.0f ms",
                    samples, millis[samples / 2], millis[(int) (samples * 0.95)], millis[samples - 1]);
            System.out.println(line);
            summary.add(line);
        } finally {
            driver.quit();
        }
    }
}
