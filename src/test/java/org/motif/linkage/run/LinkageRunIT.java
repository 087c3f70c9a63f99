package org.motif.linkage.run;

import org.motif.JobApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.motif.db.Tables.PARTICIPANT;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.motif.AbstractIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Linkage runs end to end through the API (H2, or PostgreSQL with MOTIF_TEST_POSTGRES_URL): PED and VCF of the
 * simulated fixture sim1 imported, a run started, and lods.tsv compared with FASTLINK's MLINK (committed output
 * src/test/resources/linkage/sim1/lod.tsv) to ±0.001. Family ids FAMnn are renamed LRAnn so the data do not clash
 * with the genomics fixture families of other ITs.
 */
class LinkageRunIT extends AbstractIT {
    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext db;
    @Autowired
    ObjectMapper json;

    private TestRestTemplate api() {
        return rest.withBasicAuth(ADMIN, ADMIN_PASSWORD);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = LinkageRunIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void pedigree(String ped) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<JsonNode> r = api().postForEntity("/api/v1/pedigrees", new HttpEntity<>(ped, h), JsonNode.class);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    private String importVcf(String name, String vcf) throws InterruptedException {
        return JobApi.importVcf(api(), db, name, vcf);
    }

    private JsonNode waitForEnd(String url) throws InterruptedException {
        return JobApi.waitForEnd(api(), url);
    }

    private ResponseEntity<JsonNode> startRun(Map<String, Object> body) {
        return api().postForEntity("/api/v1/linkage/runs", body, JsonNode.class);
    }

    private String run(Map<String, Object> body) throws InterruptedException {
        ResponseEntity<JsonNode> r = startRun(body);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(202);
        assertThat(r.getBody().path("status").asText()).isEqualTo("queued");
        return r.getBody().path("id").asText();
    }

    /** lods.tsv as a map "variant|family|theta" → lod text. */
    private static Map<String, String> table(String tsv, int keyColumns) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : tsv.split("\n")) {
            if (line.startsWith("variant\t")) continue;
            String[] f = line.split("\t");
            out.put(String.join("|", java.util.Arrays.copyOf(f, keyColumns)), f[keyColumns]);
        }
        return out;
    }

    @Test
    void lod_scores_of_the_simulated_families_equal_fastlink_at_every_theta_and_inconsistent_families_are_na() throws Exception {
        pedigree(resource("/linkage/sim1/fam.ped").replace("FAM", "LRA"));
        String vcf = resource("/linkage/sim1/fam.vcf").replace("FAM", "LRA");
        String importId = importVcf("linkage-sim1.vcf", vcf);
        Map<String, String> keyOfMarker = new HashMap<>();
        for (String line : vcf.split("\n")) {
            if (line.startsWith("#")) continue;
            String[] f = line.split("\t");
            keyOfMarker.put(f[2], f[0] + ":" + f[1] + ":" + f[3] + ":" + f[4]);
        }

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", Map.of("diseaseAlleleFrequency", 0.005, "penetrances", List.of(0.01, 0.6, 0.6)));
        body.put("thetas", List.of(0, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4));
        body.put("alleleFrequencies", "founders");
        body.put("importId", importId);
        String id = run(body);
        JsonNode job = waitForEnd("/api/v1/linkage/runs/" + id);
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(job.path("variants").asLong()).isEqualTo(40);
        assertThat(job.path("families")).hasSize(10);
        assertThat(job.path("families").get(0).path("family").asText()).isEqualTo("LRA01");
        assertThat(job.path("importId").asText()).isEqualTo(importId);
        assertThat(job.path("model").path("diseaseAlleleFrequency").asDouble()).isEqualTo(0.005);
        assertThat(job.path("model").path("penetrances").toString()).isEqualTo("[0.01,0.6,0.6]");
        assertThat(job.path("thetas")).hasSize(7);
        assertThat(job.path("alleleFrequencies").asText()).isEqualTo("founders");
        assertThat(job.path("softwareVersion").asText()).contains("motif", LinkageService.SCORING_VERSION);

        ResponseEntity<String> lods = api().getForEntity("/api/v1/linkage/runs/" + id + "/lods.tsv", String.class);
        assertThat(lods.getStatusCode().value()).isEqualTo(200);
        assertThat(lods.getBody()).startsWith("variant\tfamily\ttheta\tlod\n");
        Map<String, String> ours = table(lods.getBody(), 3);
        assertThat(ours).hasSize(40 * 11 * 7);

        int compared = 0;
        int na = 0;
        for (String line : resource("/linkage/sim1/lod.tsv").split("\n")) {
            String[] f = line.split("\t");
            if (f[0].equals("marker")) continue;
            String family = f[1].equals("TOTAL") ? "ALL" : f[1].replace("FAM", "LRA");
            String key = keyOfMarker.get(f[0]) + "|" + family + "|" + f[2];
            String mine = ours.get(key);
            assertThat(mine).as(key).isNotNull();
            if (f[3].equals("NA") || f[3].equals("-inf")) {
                assertThat(mine).as(key).isEqualTo(f[3]);
                if (f[3].equals("NA")) na++;
            } else {
                assertThat(Double.parseDouble(mine)).as(key).isCloseTo(Double.parseDouble(f[3]), within(0.001));
            }
            compared++;
        }
        assertThat(compared).isEqualTo(40 * 11 * 7);
        assertThat(na).as("the 4 injected Mendelian errors").isEqualTo(4 * 7);
        assertThat(ours.get(keyOfMarker.get("snv0002") + "|LRA09|0")).isEqualTo("NA");

        ResponseEntity<String> hlod = api().getForEntity("/api/v1/linkage/runs/" + id + "/hlod.tsv", String.class);
        assertThat(hlod.getStatusCode().value()).isEqualTo(200);
        String[] hl = hlod.getBody().split("\n");
        assertThat(hl[0]).isEqualTo("variant\ttheta\thlod\talpha");
        assertThat(hl).hasSize(1 + 40 * 7);
        assertThat(hl[1]).matches("1:\\d+:[ACGT]+:[ACGT]+\t0\t(-?\\d+\\.\\d{6}|-inf)\t(0|1|0\\.\\d{1,2})");
        for (int i = 1; i < hl.length; i++) {
            String[] f = hl[i].split("\t");
            double h = Double.parseDouble(f[2]);
            double all = Double.parseDouble(ours.get(f[0] + "|ALL|" + f[1]).replace("-inf", "-Infinity"));
            assertThat(h).as(hl[i]).isGreaterThanOrEqualTo(Math.max(0, all) - 1e-6);
        }

        JsonNode list = api().getForObject("/api/v1/linkage/runs", JsonNode.class);
        assertThat(list.path("items").findValuesAsText("id")).contains(id);
        ResponseEntity<JsonNode> cancelDone = api().exchange("/api/v1/linkage/runs/" + id, HttpMethod.DELETE, null, JsonNode.class);
        assertThat(cancelDone.getBody().path("status").asText()).isEqualTo("done");
    }

    private static final String LOOP_PED = String.join("\n",
            "LRLOOP\tlrl_g1\t0\t0\t1\t1",
            "LRLOOP\tlrl_g2\t0\t0\t2\t1",
            "LRLOOP\tlrl_c1\tlrl_g1\tlrl_g2\t1\t2",
            "LRLOOP\tlrl_c2\tlrl_g1\tlrl_g2\t2\t2",
            "LRLOOP\tlrl_s1\t0\t0\t2\t1",
            "LRLOOP\tlrl_s2\t0\t0\t1\t1",
            "LRLOOP\tlrl_k1\tlrl_c1\tlrl_s1\t1\t2",
            "LRLOOP\tlrl_k2\tlrl_s2\tlrl_c2\t2\t1",
            "LRLOOP\tlrl_z1\tlrl_k1\tlrl_k2\t1\t2",
            "LRTRIO\tlrt_f\t0\t0\t1\t2",
            "LRTRIO\tlrt_m\t0\t0\t2\t1",
            "LRTRIO\tlrt_c\tlrt_f\tlrt_m\t1\t2",
            "LRTRIO\tlrt_d\tlrt_f\tlrt_m\t2\t2",
            "LRTRIO\tlrt_e\tlrt_f\tlrt_m\t2\t1", "");

    @Test
    void a_family_with_a_loop_is_na_with_the_loop_named_a_mendelian_error_gives_na_and_withdrawn_people_are_left_out() throws Exception {
        pedigree(LOOP_PED);
        db.update(PARTICIPANT).set(PARTICIPANT.WITHDRAWN_AT, OffsetDateTime.now()).where(PARTICIPANT.PARTICIPANT_ID.eq("lrt_e")).execute();
        List<String> samples = List.of("lrl_g1", "lrl_g2", "lrl_c1", "lrl_c2", "lrl_s1", "lrl_s2", "lrl_k1", "lrl_k2", "lrl_z1",
                "lrt_f", "lrt_m", "lrt_c", "lrt_d", "lrt_e");
        StringBuilder vcf = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=2>\n##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t" + String.join("\t", samples) + "\n");
        // marker 1: the trio child is 1/1 from 0/0 x 0/0 parents (inconsistent); marker 2: consistent
        vcf.append("2\t1000\tm1\tA\tG\t.\tPASS\t.\tGT\t0/1\t0/0\t0/1\t0/0\t0/0\t0/0\t0/1\t0/0\t0/1\t0/0\t0/0\t1/1\t0/0\t1/1\n");
        vcf.append("2\t2000\tm2\tC\tT\t.\tPASS\t.\tGT\t0/1\t0/0\t0/1\t0/1\t0/0\t0/0\t0/1\t0/0\t0/1\t0/1\t0/0\t0/1\t0/1\t0/0\n");
        String importId = importVcf("linkage-loop.vcf", vcf.toString());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", Map.of("preset", "dominant-90"));
        body.put("importId", importId);
        String id = run(body);
        JsonNode job = waitForEnd("/api/v1/linkage/runs/" + id);
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.path("model").path("preset").asText()).isEqualTo("dominant-90");
        assertThat(job.path("thetas")).hasSize(7);
        JsonNode loop = job.path("families").get(0);
        assertThat(loop.path("family").asText()).isEqualTo("LRLOOP");
        assertThat(loop.path("analysable").asBoolean()).isFalse();
        assertThat(loop.path("problem").asText()).contains("lrl_k1", "lrl_k2");
        assertThat(job.path("families").get(1).path("analysable").asBoolean()).isTrue();
        assertThat(job.path("selection").path("withdrawnLeftOut").toString()).contains("lrt_e");

        Map<String, String> lods = table(api().getForObject("/api/v1/linkage/runs/" + id + "/lods.tsv", String.class), 3);
        assertThat(lods.get("2:1000:A:G|LRLOOP|0")).isEqualTo("NA");
        assertThat(lods.get("2:2000:C:T|LRLOOP|0.1")).isEqualTo("NA");
        assertThat(lods.get("2:1000:A:G|LRTRIO|0")).isEqualTo("NA");
        assertThat(lods.get("2:1000:A:G|ALL|0")).isEqualTo("0.000000");
        assertThat(lods.get("2:2000:C:T|LRTRIO|0")).matches("-?\\d+\\.\\d{6}|-inf");
        assertThat(lods.get("2:2000:C:T|ALL|0")).isEqualTo(lods.get("2:2000:C:T|LRTRIO|0"));
    }

    @Test
    void a_bad_request_is_refused_with_every_problem_named() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", Map.of("diseaseAlleleFrequency", 1.5, "penetrances", List.of(0.1, 0.2)));
        body.put("thetas", List.of(0, 0.7));
        body.put("alleleFrequencies", "median");
        body.put("importId", "vcf-nope");
        body.put("filterSet", "lr-no-such-filter-set");
        ResponseEntity<JsonNode> r = startRun(body);
        assertThat(r.getStatusCode().value()).isEqualTo(422);
        String text = r.getBody().toString();
        assertThat(text).contains("model.diseaseAlleleFrequency", "model.penetrances", "thetas", "alleleFrequencies", "vcf-nope", "filterSet",
                "lr-no-such-filter-set");
        assertThat(api().getForEntity("/api/v1/linkage/runs/lr-nope", JsonNode.class).getStatusCode().value()).isEqualTo(404);
    }
}
