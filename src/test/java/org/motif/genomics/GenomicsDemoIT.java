package org.motif.genomics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.motif.db.Tables.FILTER_SET;
import static org.motif.db.Tables.PARTICIPANT;
import static org.motif.db.Tables.VCF_IMPORT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.motif.AbstractIT;
import org.motif.base.DemoContributor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The demo VCF ({@code genomics/demo.vcf.gz}, made by {@code genomics/make_demo_vcf.py}) imported by the
 * demo contributors, its per-sample QC, and saved filter sets through the API.
 */
class GenomicsDemoIT extends AbstractIT {
    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext db;
    @Autowired
    List<DemoContributor> contributors;

    private TestRestTemplate api() {
        return rest.withBasicAuth(ADMIN, ADMIN_PASSWORD);
    }

    private JsonNode demoImport() throws InterruptedException {
        String id = DemoVcf.load(db, contributors, true);
        contributors.stream().filter(c -> c instanceof GenomicsDemoData).forEach(DemoContributor::load);
        assertThat(db.fetchCount(VCF_IMPORT, VCF_IMPORT.FILE_NAME.eq("demo.vcf.gz"))).as("loaded once").isEqualTo(1);
        return api().getForObject("/api/v1/vcf-imports/" + id, JsonNode.class);
    }

    private static JsonNode qcOf(JsonNode report, String sample) {
        for (JsonNode q : report.path("sampleQc")) if (q.path("sample").asText().equals(sample)) return q;
        throw new AssertionError("no QC for " + sample);
    }

    @Test
    void the_demo_vcf_is_imported_once_with_sample_qc_and_segregating_dystonia_variants() throws Exception {
        JsonNode r = demoImport();
        assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("done");
        assertThat(r.path("records").asLong()).isEqualTo(355);
        assertThat(r.path("variants").asLong()).isEqualTo(355);
        assertThat(r.path("samples").asInt()).isEqualTo(66);
        assertThat(r.path("matchedSamples").asInt()).isEqualTo(65);
        assertThat(r.path("referenceBuild").asText()).isEqualTo("GRCh38");
        assertThat(r.path("unmatchedVcfSamples").toString()).isEqualTo("[\"LAB-2231\"]");
        assertThat(r.path("unmatchedParticipants").toString()).contains("DEMO03_01", "DEMO03_02", "DEMO04_11");

        // Mendelian: bcftools view -t ^chrX demo.vcf.gz | bcftools +mendelian -m c -> 3 errors, all in trio DEMO02_01 x DEMO02_02 -> DEMO02_04
        JsonNode qc = r.path("sampleQc");
        assertThat(qc).hasSize(66);
        List<String> firstThree = List.of(qc.get(0).path("sample").asText(), qc.get(1).path("sample").asText(), qc.get(2).path("sample").asText());
        assertThat(firstThree).containsExactlyInAnyOrder("DEMO02_01", "DEMO02_02", "DEMO02_04");
        assertThat(qc.get(0).path("mendelianErrors").asInt()).isEqualTo(3);
        assertThat(qc.get(3).path("mendelianErrors").asInt()).isZero();
        // DEMO02_05 is recorded female but was given a one-X genotype in the generator
        assertThat(qcOf(r, "DEMO02_05").path("sexCheck").asText()).isEqualTo("mismatch");
        assertThat(qcOf(r, "DEMO02_05").path("xHet").asInt()).isZero();
        List<String> mismatches = new ArrayList<>();
        qc.forEach(q -> {
            if (q.path("sexCheck").asText().equals("mismatch")) mismatches.add(q.path("sample").asText());
        });
        assertThat(mismatches).containsExactly("DEMO02_05");
        // bcftools +guess-ploidy -g hg38 -t GT (committed output) disagrees with the recorded sex for the same sample only
        Map<String, String> recorded = new java.util.HashMap<>();
        for (String l : java.nio.file.Files.readAllLines(java.nio.file.Path.of("genomics", "demo-families.ped"))) {
            String[] f = l.split("\\s+");
            recorded.put(f[1], f[4].equals("1") ? "M" : "F");
        }
        List<String> bcftoolsDisagrees = new ArrayList<>();
        for (String l : java.nio.file.Files.readAllLines(java.nio.file.Path.of("genomics", "demo.bcftools-guess-ploidy.txt"))) {
            String[] f = l.split("\t");
            if (f.length == 2 && recorded.containsKey(f[0]) && !recorded.get(f[0]).equals(f[1])) bcftoolsDisagrees.add(f[0]);
        }
        assertThat(mismatches).isEqualTo(bcftoolsDisagrees);
        assertThat(qcOf(r, "LAB-2231").path("sexCheck").asText()).isEqualTo("no_recorded_sex");
        assertThat(qcOf(r, "DEMO01_01").path("callRate").asDouble()).isBetween(0.95, 1.0);
        assertThat(qcOf(r, "DEMO01_01").path("meanDepth").asDouble()).isBetween(8.0, 60.0);

        String id = r.path("id").asText();
        JsonNode tor1a = api().getForObject("/api/v1/variants?import=" + id + "&gene=TOR1A&family=DEMO03", JsonNode.class);
        assertThat(tor1a.path("items")).hasSize(1);
        JsonNode fam = tor1a.path("items").get(0).path("families").get(0);
        assertThat(fam.path("familyId").asText()).isEqualTo("DEMO03");
        assertThat(fam.path("affectedCarriers").asInt()).isEqualTo(fam.path("affectedGenotyped").asInt());
        assertThat(fam.path("unaffectedCarriers").asInt()).isEqualTo(3);
        assertThat(fam.path("modes").toString()).contains("dominant_reduced_penetrance");
    }

    @Autowired
    VariantQueryService variants;

    @Test
    void a_participant_withdrawn_with_no_use_counts_as_untyped_in_the_browser_and_shows_no_call() throws Exception {
        String id = demoImport().path("id").asText();
        String url = "/api/v1/variants?import=" + id + "&gene=TOR1A&family=DEMO03";
        JsonNode before = api().getForObject(url, JsonNode.class).path("items").get(0);
        String key = before.path("variant").asText();
        JsonNode fam = before.path("families").get(0);
        var calls = org.motif.StudyFixtures.as("demo-geneticist", () -> variants.genotypes(id, key), org.motif.security.Role.GENETICIST);
        assertThat(calls.notUsed()).isEmpty();
        // an unaffected carrier of DEMO03 (heterozygous, recorded unaffected)
        String carrier = "DEMO03_08";
        assertThat(calls.byParticipant().get(carrier).gt()).isEqualTo("0/1");
        db.update(PARTICIPANT).set(PARTICIPANT.WITHDRAWN_AT, java.time.OffsetDateTime.now()).set(PARTICIPANT.WITHDRAWAL_SCOPE, "no_use")
                .where(PARTICIPANT.PARTICIPANT_ID.eq(carrier)).execute();
        try {
            JsonNode after = api().getForObject(url, JsonNode.class).path("items").get(0).path("families").get(0);
            assertThat(after.path("unaffectedCarriers").asInt()).isEqualTo(fam.path("unaffectedCarriers").asInt() - 1);
            assertThat(after.path("unaffectedGenotyped").asInt()).isEqualTo(fam.path("unaffectedGenotyped").asInt() - 1);
            assertThat(after.path("affectedCarriers").asInt()).isEqualTo(fam.path("affectedCarriers").asInt());
            var withdrawn = org.motif.StudyFixtures.as("demo-geneticist", () -> variants.genotypes(id, key), org.motif.security.Role.GENETICIST);
            assertThat(withdrawn.byParticipant()).doesNotContainKey(carrier).hasSize(calls.byParticipant().size() - 1);
            assertThat(withdrawn.notUsed()).containsExactly(carrier);
        } finally {
            db.update(PARTICIPANT).setNull(PARTICIPANT.WITHDRAWN_AT).setNull(PARTICIPANT.WITHDRAWAL_SCOPE)
                    .where(PARTICIPANT.PARTICIPANT_ID.eq(carrier)).execute();
        }
    }

    @Test
    void a_saved_filter_set_is_used_by_name_and_explicit_parameters_narrow_it() throws Exception {
        String id = demoImport().path("id").asText();
        db.deleteFrom(FILTER_SET).where(FILTER_SET.NAME.eq("demo rare dystonia")).execute();
        Map<String, Object> body = Map.of("name", "demo rare dystonia", "filter",
                Map.of("genes", List.of("THAP1", "TOR1A", "GNAL", "ANO3"), "maxAf", 0.001, "minQual", 30, "passOnly", true));
        ResponseEntity<JsonNode> saved = api().postForEntity("/api/v1/variants/filter-sets", body, JsonNode.class);
        assertThat(saved.getStatusCode().value()).isEqualTo(201);
        assertThat(saved.getBody().path("filter").path("passOnly").asBoolean()).isTrue();
        assertThat(api().postForEntity("/api/v1/variants/filter-sets", body, JsonNode.class).getStatusCode().value()).isEqualTo(409);

        // ANO3 (AF 0.31) and the LowQual THAP1 intron variant are filtered out
        JsonNode all = api().getForObject("/api/v1/variants?import=" + id + "&filterSet=demo rare dystonia", JsonNode.class);
        List<String> keys = new ArrayList<>();
        all.path("items").forEach(v -> keys.add(v.path("variant").asText()));
        assertThat(keys).containsExactly("chr8:42836100:G:A", "chr9:129814200:C:T", "chr18:11753400:A:G");
        JsonNode missense = api().getForObject("/api/v1/variants?import=" + id + "&filterSet=demo rare dystonia&consequence=missense", JsonNode.class);
        assertThat(missense.path("items")).hasSize(2);
        JsonNode demo01 = api().getForObject("/api/v1/variants?import=" + id + "&filterSet=demo rare dystonia&family=DEMO01", JsonNode.class);
        assertThat(demo01.path("items")).hasSize(1);
        assertThat(demo01.path("items").get(0).path("gene").asText()).isEqualTo("THAP1");
        assertThat(demo01.path("items").get(0).path("families").get(0).path("modes").toString()).contains("dominant_complete_penetrance");

        assertThat(api().getForObject("/api/v1/variants/filter-sets", JsonNode.class).path("items").toString()).contains("demo rare dystonia");
        ResponseEntity<JsonNode> unknown = api().getForEntity("/api/v1/variants?filterSet=nope", JsonNode.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(api().postForEntity("/api/v1/variants/filter-sets", Map.of("name", " "), JsonNode.class).getStatusCode().value())
                .isEqualTo(422);
        assertThat(api().exchange("/api/v1/variants/filter-sets/demo rare dystonia", HttpMethod.DELETE, null, JsonNode.class)
                .getStatusCode().value()).isEqualTo(204);
    }

    @Test
    void mapping_an_unmatched_sample_matches_it_and_recomputes_the_mendelian_counts() throws Exception {
        String id = demoImport().path("id").asText();
        JsonNode samples = api().getForObject("/api/v1/vcf-imports/" + id + "/samples", JsonNode.class);
        assertThat(samples.path("items")).hasSize(66);
        JsonNode lab = null;
        for (JsonNode s : samples.path("items")) if (s.path("sample").asText().equals("LAB-2231")) lab = s;
        assertThat(lab.path("participantId").isNull()).isTrue();
        int triosBefore = api().getForObject("/api/v1/vcf-imports/" + id, JsonNode.class).path("matchedSamples").asInt();
        assertThat(triosBefore).isEqualTo(65);

        ResponseEntity<JsonNode> mapped = api().exchange("/api/v1/vcf-imports/" + id + "/samples/LAB-2231", HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>(Map.of("participantId", "DEMO04_11")), JsonNode.class);
        assertThat(mapped.getStatusCode().value()).isEqualTo(200);
        assertThat(mapped.getBody().path("matchedSamples").asInt()).isEqualTo(66);
        assertThat(mapped.getBody().path("unmatchedVcfSamples")).isEmpty();
        assertThat(mapped.getBody().path("unmatchedParticipants").toString()).doesNotContain("DEMO04_11");
        assertThat(qcOf(mapped.getBody(), "LAB-2231").path("participantId").asText()).isEqualTo("DEMO04_11");
        assertThat(qcOf(mapped.getBody(), "LAB-2231").path("recordedSex").asText()).isEqualTo("female");
        // the trio DEMO04_03 x LAB-2231 -> DEMO04_12 is now counted (bcftools: 0 errors in it, total still 3)
        JsonNode m = api().getForObject("/api/v1/qc/mendelian?import=" + id, JsonNode.class);
        assertThat(m.path("total").asInt()).isEqualTo(3);
        JsonNode after = api().getForObject("/api/v1/vcf-imports/" + id + "/samples", JsonNode.class);
        boolean found = false;
        for (JsonNode s : after.path("items")) {
            if (s.path("sample").asText().equals("LAB-2231")) {
                found = s.path("participantId").asText().equals("DEMO04_11") && s.path("viaMapping").asBoolean();
            }
        }
        assertThat(found).isTrue();

        ResponseEntity<JsonNode> bad = api().exchange("/api/v1/vcf-imports/" + id + "/samples/LAB-2231", HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>(Map.of("participantId", "DEMO04_12")), JsonNode.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(422);
        assertThat(bad.getBody().path("detail").asText()).contains("DEMO04_12", "already has VCF column");
        ResponseEntity<JsonNode> removed = api().exchange("/api/v1/vcf-imports/" + id + "/samples/LAB-2231", HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>(java.util.Collections.singletonMap("participantId", null)), JsonNode.class);
        assertThat(removed.getBody().path("matchedSamples").asInt()).isEqualTo(65);
    }
}
