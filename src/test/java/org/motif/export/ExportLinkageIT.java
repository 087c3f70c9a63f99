package org.motif.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.motif.StudyFixtures.as;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motif.AbstractIT;
import org.motif.JobApi;
import org.motif.StudyFixtures;
import org.motif.base.ValidationException;
import org.motif.export.ExportService.ExportFormat;
import org.motif.genomics.FilterSetService;
import org.motif.genomics.VariantQueryService.VariantQuery;
import org.motif.security.Role;
import org.motif.security.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;

/**
 * Linkage results, filter sets and segregation counts in the dataset export, and linkage runs restricted to a filter
 * set. The simulated families of src/test/resources/linkage/sim1 (FAMnn renamed XLKnn, so they clash with no other
 * IT's data) are imported through the API and scored twice; the exported LOD cells are compared with the run's own
 * lods.tsv / hlod.tsv, the segregation cells with GET /variants, the selected variants with GET /variants?filterSet=.
 */
class ExportLinkageIT extends AbstractIT {
    static final String FILE = "export-linkage-sim1.vcf";
    static final String ALL = "xlk-all";
    static final String REGION = "xlk-region";
    static final String CARRIED = "xlk-carried-xlk06";
    static final List<Double> THETAS_A = List.of(0.0, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4);
    static String importId;
    static String runA;
    static String runB;
    static Map<String, String> keyOfMarker = new HashMap<>();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext db;
    @Autowired
    ExportService exports;
    @Autowired
    FilterSetService filterSets;
    @Autowired
    UserService users;

    TestRestTemplate api() {
        return rest.withBasicAuth(ADMIN, ADMIN_PASSWORD);
    }

    static String resource(String path) throws IOException {
        try (InputStream in = ExportLinkageIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void study() throws Exception {
        if (importId != null) return;
        HttpHeaders text = new HttpHeaders();
        text.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<JsonNode> ped = api().postForEntity("/api/v1/pedigrees",
                new HttpEntity<>(resource("/linkage/sim1/fam.ped").replace("FAM", "XLK"), text), JsonNode.class);
        assertThat(ped.getStatusCode().value()).as(String.valueOf(ped.getBody())).isEqualTo(200);
        String vcf = resource("/linkage/sim1/fam.vcf").replace("FAM", "XLK");
        for (String line : vcf.split("\n")) {
            if (line.startsWith("#")) continue;
            String[] f = line.split("\t");
            keyOfMarker.put(f[2], f[0] + ":" + f[1] + ":" + f[3] + ":" + f[4]);
        }
        String id = JobApi.importVcf(api(), db, FILE, vcf);

        as("xl-geneticist", () -> {
            for (String name : List.of(ALL, REGION, CARRIED)) filterSets.find(name).ifPresent(f -> filterSets.delete(name));
            filterSets.save(ALL, new VariantQuery(id, null, null, null, null));
            filterSets.save(REGION, new VariantQuery(id, null, "1:47000000-56000000", null, null));
            filterSets.save(CARRIED, new VariantQuery(id, null, null, null, "XLK06"));
            return null;
        }, Role.GENETICIST);

        runA = run(Map.of("model", Map.of("diseaseAlleleFrequency", 0.005, "penetrances", List.of(0.01, 0.6, 0.6)), "thetas", THETAS_A,
                "alleleFrequencies", "founders", "importId", id));
        runB = run(Map.of("model", Map.of("preset", "dominant-70"), "thetas", List.of(0, 0.05, 0.25), "alleleFrequencies", "all", "importId", id));
        importId = id;
    }

    JsonNode waitForEnd(String url) throws InterruptedException {
        return JobApi.waitForEnd(api(), url);
    }

    String run(Map<String, Object> body) throws InterruptedException {
        ResponseEntity<JsonNode> r = api().postForEntity("/api/v1/linkage/runs", body, JsonNode.class);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(202);
        String id = r.getBody().path("id").asText();
        JsonNode job = waitForEnd("/api/v1/linkage/runs/" + id);
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("done");
        return id;
    }

    byte[] export(Map<String, String> parameters, Role role) {
        return as("xl-" + role.name().toLowerCase(Locale.ROOT), () -> {
            var plan = exports.prepare(ExportOptions.parse(parameters), ExportFormat.XLSX);
            var out = new ByteArrayOutputStream();
            try {
                exports.write(plan, out, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }, role);
    }

    static XSSFWorkbook read(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    static Map<String, Integer> header(Sheet sheet) {
        Map<String, Integer> h = new LinkedHashMap<>();
        for (Cell c : sheet.getRow(0)) h.put(c.getStringCellValue(), c.getColumnIndex());
        return h;
    }

    static String text(Row row, Integer col) {
        Cell c = col == null ? null : row.getCell(col);
        if (c == null || c.getCellType() == CellType.BLANK) return null;
        return switch (c.getCellType()) {
            case NUMERIC -> String.valueOf(c.getNumericCellValue());
            case BOOLEAN -> String.valueOf(c.getBooleanCellValue());
            default -> c.getStringCellValue();
        };
    }

    /** A numeric cell as lods.tsv writes it (6 decimals), or null for an empty cell. */
    static String lod(Row row, Integer col) {
        Cell c = row.getCell(col);
        if (c == null || c.getCellType() == CellType.BLANK) return null;
        assertThat(c.getCellType()).as("LOD cells are numbers").isEqualTo(CellType.NUMERIC);
        String s = String.format(Locale.ROOT, "%.6f", c.getNumericCellValue());
        return s.equals("-0.000000") ? "0.000000" : s;
    }

    /** A TSV as map of its first {@code keys} columns joined by | → next column. */
    static Map<String, String> table(String tsv, int keys) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : tsv.split("\n")) {
            if (line.startsWith("variant\t")) continue;
            String[] f = line.split("\t");
            out.put(String.join("|", java.util.Arrays.copyOf(f, keys)), f[keys] + (f.length > keys + 1 ? "|" + f[keys + 1] : ""));
        }
        return out;
    }

    /** Variant keys GET /variants returns for a filter set. */
    Set<String> apiVariants(String filterSet) {
        JsonNode page = api().getForObject("/api/v1/variants?limit=1000&filterSet=" + filterSet, JsonNode.class);
        Set<String> keys = new LinkedHashSet<>();
        page.path("items").forEach(v -> keys.add(v.path("variant").asText()));
        assertThat(page.path("next").isNull()).isTrue();
        return keys;
    }

    @Test
    void the_linkage_sheet_holds_the_runs_lods_and_hlods_and_participants_their_familys_max_lod() throws IOException {
        Map<String, String> lods = table(api().getForObject("/api/v1/linkage/runs/" + runA + "/lods.tsv", String.class), 3);
        Map<String, String> hlods = table(api().getForObject("/api/v1/linkage/runs/" + runA + "/hlod.tsv", String.class), 2);
        String xlk01Snv7 = keyOfMarker.get("snv0007");
        try (var wb = read(export(Map.of("include", "participants,genotypes,linkage", "filterSet", ALL, "linkageRun", runA), Role.GENETICIST))) {
            Sheet sheet = wb.getSheet("Linkage");
            Map<String, Integer> h = header(sheet);
            assertThat(h.keySet()).containsSubsequence("runId", "importId", "model", "diseaseAlleleFrequency", "f0", "f1", "f2", "alleleFrequencies",
                    "variant", "gene", "markerAltFrequency", "family", "status", "note", "maxLod", "thetaAtMax", "lod.0", "lod.0.01", "lod.0.05",
                    "lod.0.1", "lod.0.2", "lod.0.3", "lod.0.4", "hlod", "hlodTheta", "alpha");
            assertThat(sheet.getLastRowNum()).as("40 variants x (10 families + ALL)").isEqualTo(40 * 11);
            int compared = 0;
            int inconsistent = 0;
            for (Row row : sheet) {
                if (row.getRowNum() == 0) continue;
                assertThat(text(row, h.get("runId"))).isEqualTo(runA);
                assertThat(text(row, h.get("importId"))).isEqualTo(importId);
                assertThat(text(row, h.get("model"))).isEqualTo("custom");
                assertThat(row.getCell(h.get("diseaseAlleleFrequency")).getNumericCellValue()).isEqualTo(0.005);
                assertThat(row.getCell(h.get("f1")).getNumericCellValue()).isEqualTo(0.6);
                String variant = text(row, h.get("variant"));
                String family = text(row, h.get("family"));
                String status = text(row, h.get("status"));
                Double max = null;
                for (double theta : THETAS_A) {
                    String t = theta == 0 ? "0" : java.math.BigDecimal.valueOf(theta).stripTrailingZeros().toPlainString();
                    String expected = lods.get(variant + "|" + family + "|" + t);
                    assertThat(expected).as(variant + " " + family + " " + t).isNotNull();
                    String cell = lod(row, h.get("lod." + t));
                    if (expected.equals("NA")) {
                        assertThat(cell).as("NA is an empty cell").isNull();
                        assertThat(status).isIn("inconsistent", "not_analysable");
                    } else {
                        assertThat(cell).as(variant + " " + family + " θ " + t).isEqualTo(expected);
                        max = max == null ? Double.parseDouble(expected) : Math.max(max, Double.parseDouble(expected));
                    }
                    compared++;
                }
                if (status.equals("inconsistent")) {
                    inconsistent++;
                    assertThat(row.getCell(h.get("maxLod"))).isNull();
                    assertThat(text(row, h.get("note"))).contains("Mendelian");
                } else {
                    assertThat(row.getCell(h.get("maxLod")).getNumericCellValue()).as("max of the 6-decimal values").isCloseTo(max, within(6e-7));
                }
                if (family.equals("ALL")) {
                    // HLOD and α at the θ maximising the HLOD: as hlod.tsv has them at that θ, and no θ has a larger HLOD
                    double atTheta = row.getCell(h.get("hlodTheta")).getNumericCellValue();
                    String t = atTheta == 0 ? "0" : java.math.BigDecimal.valueOf(atTheta).stripTrailingZeros().toPlainString();
                    String[] expected = hlods.get(variant + "|" + t).split("\\|");
                    assertThat(lod(row, h.get("hlod"))).as(variant).isEqualTo(expected[0]);
                    assertThat(row.getCell(h.get("alpha")).getNumericCellValue()).isEqualTo(Double.parseDouble(expected[1]));
                    for (double theta : THETAS_A) {
                        String u = theta == 0 ? "0" : java.math.BigDecimal.valueOf(theta).stripTrailingZeros().toPlainString();
                        assertThat(Double.parseDouble(hlods.get(variant + "|" + u).split("\\|")[0])).isLessThanOrEqualTo(Double.parseDouble(expected[0]));
                    }
                } else {
                    assertThat(row.getCell(h.get("hlod"))).isNull();
                }
            }
            assertThat(compared).isEqualTo(40 * 11 * 7);
            assertThat(inconsistent).as("the 4 injected Mendelian errors of fam.errors.tsv").isEqualTo(4);
            Row snv2 = null;
            for (Row row : sheet) {
                if (keyOfMarker.get("snv0002").equals(text(row, h.get("variant"))) && "XLK09".equals(text(row, h.get("family")))) snv2 = row;
            }
            assertThat(text(snv2, h.get("status"))).isEqualTo("inconsistent");
            assertThat(snv2.getCell(h.get("lod.0.1"))).isNull();

            // Participants: the family's max LOD next to the genotype columns
            Sheet p = wb.getSheet("Participants");
            Map<String, Integer> ph = header(p);
            assertThat(ph).containsKey(xlk01Snv7).containsKey(xlk01Snv7 + ".lod");
            Row person = null;
            for (Row row : p) if ("XLK01_01".equals(text(row, ph.get("participantId")))) person = row;
            double expectedMax = Double.NEGATIVE_INFINITY;
            for (double theta : THETAS_A) {
                String t = theta == 0 ? "0" : java.math.BigDecimal.valueOf(theta).stripTrailingZeros().toPlainString();
                expectedMax = Math.max(expectedMax, Double.parseDouble(lods.get(xlk01Snv7 + "|XLK01|" + t)));
            }
            assertThat(lod(person, ph.get(xlk01Snv7 + ".lod"))).isEqualTo(String.format(Locale.ROOT, "%.6f", expectedMax));
            Row xlk09 = null;
            for (Row row : p) if ("XLK09_15".equals(text(row, ph.get("participantId")))) xlk09 = row;
            assertThat(xlk09.getCell(ph.get(keyOfMarker.get("snv0002") + ".lod"))).as("NA for the inconsistent family: empty").isNull();

            Sheet dict = wb.getSheet("Data dictionary");
            Map<String, Row> dictionary = new HashMap<>();
            for (Row row : dict) dictionary.put(text(row, 0), row);
            assertThat(text(dictionary.get("lod.0.01"), 1)).isEqualTo("Linkage");
            assertThat(text(dictionary.get("lod.0.01"), 4)).isEqualTo("decimal");
            assertThat(text(dictionary.get("status"), 5)).contains("inconsistent", "not_analysable", "scored_minus_inf");
            assertThat(text(dictionary.get(xlk01Snv7 + ".lod"), 1)).isEqualTo("Participants");
            Map<String, String> about = new HashMap<>();
            for (Row row : wb.getSheet("About")) about.put(text(row, 0), text(row, 1));
            assertThat(about.get("linkageRun " + runA)).contains("import " + importId, "model custom", "q 0.005", "θ 0, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4",
                    "founders", "two-point-peeling-1");
            assertThat(about.get("filterSet")).startsWith(ALL);
        }
    }

    @Test
    void by_default_the_latest_run_of_each_import_in_scope_is_exported_with_its_own_theta_grid() throws IOException {
        try (var wb = read(export(Map.of("include", "linkage", "filterSet", ALL, "families", "XLK03"), Role.GENETICIST))) {
            Sheet sheet = wb.getSheet("Linkage");
            Map<String, Integer> h = header(sheet);
            assertThat(h.keySet()).contains("lod.0", "lod.0.05", "lod.0.25").doesNotContain("lod.0.01", "lod.0.4");
            assertThat(sheet.getLastRowNum()).as("40 variants x (XLK03 + ALL)").isEqualTo(80);
            for (Row row : sheet) {
                if (row.getRowNum() == 0) continue;
                assertThat(text(row, h.get("runId"))).isEqualTo(runB);
                assertThat(text(row, h.get("model"))).isEqualTo("dominant-70");
                assertThat(text(row, h.get("family"))).isIn("XLK03", "ALL");
            }
            Map<String, String> lodsB = table(api().getForObject("/api/v1/linkage/runs/" + runB + "/lods.tsv", String.class), 3);
            Row row = sheet.getRow(1);
            assertThat(lod(row, h.get("lod.0.25"))).isEqualTo(lodsB.get(text(row, h.get("variant")) + "|XLK03|0.25"));
        }
    }

    @Test
    void a_filter_set_restricts_variants_genotypes_genotype_columns_and_linkage_to_its_variants() throws IOException {
        for (String set : List.of(REGION, CARRIED)) {
            Set<String> selected = apiVariants(set);
            assertThat(selected).isNotEmpty().hasSizeLessThan(40);
            try (var wb = read(export(Map.of("include", "participants,variants,genotypes,linkage", "filterSet", set, "linkageRun", runA),
                    Role.GENETICIST))) {
                Set<String> variants = new LinkedHashSet<>();
                for (Row r : wb.getSheet("Variants")) if (r.getRowNum() > 0) variants.add(text(r, 0));
                assertThat(variants).as(set).containsExactlyElementsOf(selected);
                Set<String> genotypes = new LinkedHashSet<>();
                for (Row r : wb.getSheet("Genotypes")) if (r.getRowNum() > 0) genotypes.add(text(r, 1));
                assertThat(genotypes).as(set).isEqualTo(selected);
                List<String> columns = new ArrayList<>(header(wb.getSheet("Participants")).keySet());
                assertThat(columns.stream().filter(c -> c.matches("1:\\d+:[ACGT]:[ACGT]")).toList()).containsExactlyElementsOf(selected);
                Set<String> linkage = new LinkedHashSet<>();
                Sheet ls = wb.getSheet("Linkage");
                for (Row r : ls) if (r.getRowNum() > 0) linkage.add(text(r, header(ls).get("variant")));
                assertThat(linkage).as(set).isEqualTo(selected);
            }
        }
        assertThat(apiVariants(REGION)).hasSize(8);
    }

    @Test
    void the_variants_sheet_has_the_segregation_counts_of_get_variants_per_family() throws IOException {
        JsonNode page = api().getForObject("/api/v1/variants?limit=1000&import=" + importId, JsonNode.class);
        assertThat(page.path("items")).hasSize(40);
        try (var wb = read(export(Map.of("include", "variants", "filterSet", ALL), Role.GENETICIST))) {
            Sheet sheet = wb.getSheet("Variants");
            Map<String, Integer> h = header(sheet);
            assertThat(h).containsKeys("XLK01.affectedCarriers", "XLK10.modes");
            Map<String, Row> byVariant = new HashMap<>();
            for (Row r : sheet) if (r.getRowNum() > 0) byVariant.put(text(r, 0), r);
            int checked = 0;
            for (JsonNode v : page.path("items")) {
                Row row = byVariant.get(v.path("variant").asText());
                for (JsonNode f : v.path("families")) {
                    String id = f.path("familyId").asText();
                    for (String part : List.of("affectedCarriers", "affectedGenotyped", "unaffectedCarriers", "unaffectedGenotyped", "obligateCarriers")) {
                        assertThat((int) row.getCell(h.get(id + "." + part)).getNumericCellValue()).as(v.path("variant").asText() + " " + id + " " + part)
                                .isEqualTo(f.path(part).asInt());
                    }
                    List<String> modes = new ArrayList<>();
                    f.path("modes").forEach(m -> modes.add(m.asText()));
                    assertThat(String.valueOf(text(row, h.get(id + ".modes")) == null ? "" : text(row, h.get(id + ".modes"))))
                            .isEqualTo(String.join(";", modes));
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(400);
        }
    }

    @Test
    void a_linkage_run_with_a_filter_set_scores_exactly_its_variants() throws Exception {
        for (String set : List.of(REGION, CARRIED)) {
            Set<String> selected = apiVariants(set);
            String id = run(Map.of("model", Map.of("preset", "dominant-70"), "importId", importId, "filterSet", set));
            JsonNode job = api().getForObject("/api/v1/linkage/runs/" + id, JsonNode.class);
            assertThat(job.path("filterSet").asText()).isEqualTo(set);
            assertThat(job.path("variants").asLong()).as(set).isEqualTo(selected.size());
            assertThat(job.path("selection").path("filter").path("importId").asText()).isEqualTo(importId);
            Set<String> scored = new LinkedHashSet<>();
            for (String line : api().getForObject("/api/v1/linkage/runs/" + id + "/lods.tsv", String.class).split("\n")) {
                if (!line.startsWith("variant\t")) scored.add(line.split("\t")[0]);
            }
            assertThat(scored).isEqualTo(selected);
        }
    }

    @Test
    void unknown_filter_sets_and_runs_are_refused_with_422_naming_them() {
        assertThatThrownBy(() -> export(Map.of("include", "variants", "filterSet", "no-such-set"), Role.GENETICIST))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no-such-set");
        assertThatThrownBy(() -> export(Map.of("include", "participants", "filterSet", "no-such-set"), Role.COORDINATOR))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no-such-set");
        assertThatThrownBy(() -> export(Map.of("include", "linkage", "linkageRun", "lr-nope"), Role.GENETICIST))
                .isInstanceOf(ValidationException.class).hasMessageContaining("lr-nope");
        ResponseEntity<JsonNode> api = api().getForEntity("/api/v1/exports/dataset.xlsx?include=variants&filterSet=no-such-set", JsonNode.class);
        assertThat(api.getStatusCode().value()).isEqualTo(422);
        assertThat(api.getBody().path("detail").asText()).contains("no-such-set");

        ResponseEntity<JsonNode> run = api().postForEntity("/api/v1/linkage/runs",
                Map.of("model", Map.of("preset", "dominant-70"), "importId", importId, "filterSet", "no-such-set"), JsonNode.class);
        assertThat(run.getStatusCode().value()).isEqualTo(422);
        assertThat(run.getBody().toString()).contains("filterSet", "no-such-set");
    }

    @Test
    void a_coordinator_may_not_export_linkage() throws IOException {
        assertThatThrownBy(() -> export(Map.of("include", "linkage"), Role.COORDINATOR)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("linkage");
        assertThatThrownBy(() -> export(Map.of("include", "participants", "linkageRun", runA), Role.COORDINATOR))
                .isInstanceOf(AccessDeniedException.class);
        try (var wb = read(export(Map.of("families", "XLK01"), Role.COORDINATOR))) {
            assertThat(wb.getSheet("Linkage")).isNull();
            assertThat(header(wb.getSheet("Participants")).keySet()).noneMatch(c -> c.endsWith(".lod"));
        }
        StudyFixtures.staff(users, "xl-api-coordinator", "xl-api-password-1", Role.COORDINATOR);
        var headers = new HttpHeaders();
        headers.setBasicAuth("xl-api-coordinator", "xl-api-password-1");
        var forbidden = rest.exchange("/api/v1/exports/dataset.xlsx?include=linkage", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(forbidden.getStatusCode().value()).isEqualTo(403);
        assertThat(forbidden.getHeaders().getContentType().toString()).contains("problem+json");
    }
}
