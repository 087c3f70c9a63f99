package org.motif.genomics;

import org.motif.StudyFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.motif.db.Tables.VARIANT;
import static org.motif.db.Tables.VCF_IMPORT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motif.AbstractIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** The fixture family VCF imported end to end through the API (H2, or PostgreSQL with MOTIF_TEST_POSTGRES_URL). */
class VcfImportIT extends AbstractIT {
    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext db;
    @Autowired
    ObjectMapper json;

    private TestRestTemplate api() {
        return rest.withBasicAuth(ADMIN, ADMIN_PASSWORD);
    }

    @BeforeEach
    void families() throws IOException {
        StudyFixtures.deleteImports(db, VCF_IMPORT.FILE_NAME.like("fixture-%").or(VCF_IMPORT.FILE_NAME.like("bad-%")));
        FixtureFamilies.insert(db);
    }

    private ResponseEntity<JsonNode> upload(String name, byte[] content) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        return api().postForEntity("/api/v1/vcf-imports", new HttpEntity<>(form, h), JsonNode.class);
    }

    private JsonNode waitForEnd(String id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JsonNode j = api().getForObject("/api/v1/vcf-imports/" + id, JsonNode.class);
            String s = j.path("status").asText();
            if (s.equals("done") || s.equals("failed") || s.equals("cancelled")) return j;
            Thread.sleep(200);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    private long rows(String importId) {
        return db.fetchCount(VARIANT.join(VCF_IMPORT).on(VCF_IMPORT.ID.eq(VARIANT.IMPORT_PK)), VCF_IMPORT.IMPORT_ID.eq(importId));
    }

    @Test
    void the_fixture_family_vcf_is_imported_with_mendelian_counts_equal_to_bcftools() throws Exception {
        byte[] vcf = Files.readAllBytes(Fixtures.file("fixture-family.vcf"));
        ResponseEntity<JsonNode> started = upload("fixture-family.vcf", vcf);
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        String id = started.getBody().path("id").asText();
        assertThat(started.getBody().path("status").asText()).isEqualTo("queued");

        JsonNode done = waitForEnd(id);
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("done");
        assertThat(done.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(done.path("fileName").asText()).isEqualTo("fixture-family.vcf");
        assertThat(done.path("records").asLong()).isEqualTo(40);
        assertThat(done.path("variants").asLong()).isEqualTo(40);
        assertThat(done.path("samples").asInt()).isEqualTo(144);
        assertThat(done.path("matchedSamples").asInt()).isEqualTo(144);
        assertThat(done.path("unmatchedVcfSamples")).isEmpty();
        assertThat(done.path("unmatchedParticipants")).hasSize(5);
        assertThat(done.path("skipped").size()).isZero();
        assertThat(done.path("error").isNull()).isTrue();
        assertThat(rows(id)).isEqualTo(40);

        JsonNode m = api().getForObject("/api/v1/qc/mendelian?import=" + id, JsonNode.class);
        assertThat(m.path("total").asLong()).isEqualTo(4);
        Map<String, Integer> perSample = new TreeMap<>();
        for (String l : Files.readAllLines(Fixtures.file("fixture-family.bcftools-per-sample.tsv"))) {
            String[] f = l.split("\t");
            if (!f[0].equals("sample") && Integer.parseInt(f[4]) > 0) perSample.put(f[0], Integer.parseInt(f[4]));
        }
        Map<String, Integer> ours = new TreeMap<>();
        m.path("perSample").fields().forEachRemaining(e -> ours.put(e.getKey(), e.getValue().asInt()));
        assertThat(ours).isEqualTo(perSample);
        assertThat(m.path("perVariant").size()).isEqualTo(4);
        assertThat(m.path("perVariant").path("1:48944055:T:C").asInt()).isEqualTo(1);

        JsonNode page = api().getForObject("/api/v1/variants?import=" + id + "&limit=5", JsonNode.class);
        assertThat(page.path("items")).hasSize(5);
        assertThat(page.path("next").isNull()).isFalse();
        JsonNode first = page.path("items").get(0);
        assertThat(first.path("variant").asText()).isEqualTo("1:47951163:T:C");
        assertThat(first.path("families")).hasSize(10);
        JsonNode next = api().getForObject("/api/v1/variants?import=" + id + "&limit=100&cursor=" + page.path("next").asText(), JsonNode.class);
        assertThat(next.path("items")).hasSize(35);
        assertThat(next.path("next").isNull()).isTrue();
        JsonNode region = api().getForObject("/api/v1/variants?import=" + id + "&region=chr1:47951163-48944055", JsonNode.class);
        assertThat(region.path("items")).hasSize(3);

        ResponseEntity<JsonNode> again = upload("fixture-family-copy.vcf", vcf);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().path("detail").asText()).contains(id);
    }

    @Test
    void a_record_with_an_out_of_range_allele_fails_the_import_and_leaves_no_variant_rows() throws Exception {
        String vcf = Files.readString(Fixtures.file("fixture-family.vcf"));
        String[] lines = vcf.split("\n");
        lines[30] = lines[30].replaceFirst("\t0/1\t", "\t0/5\t");
        ResponseEntity<JsonNode> started = upload("bad-allele.vcf", String.join("\n", lines).concat("\n").getBytes());
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        String id = started.getBody().path("id").asText();
        JsonNode end = waitForEnd(id);
        assertThat(end.path("status").asText()).isEqualTo("failed");
        assertThat(end.path("variants").asLong()).isZero();
        assertThat(end.path("error").asText()).contains("bad-allele.vcf", "line 31", "field GT", "out of range");
        assertThat(rows(id)).isZero();
    }

    @Test
    void a_bcf_or_a_file_that_is_not_a_vcf_is_refused_with_422() {
        ResponseEntity<JsonNode> bcf = upload("bad-file.bcf", new byte[] {'B', 'C', 'F', 2, 2, 0, 0, 0});
        assertThat(bcf.getStatusCode().value()).isEqualTo(422);
        assertThat(bcf.getBody().path("detail").asText()).contains("convert to .vcf.gz with bcftools view -Oz");
        ResponseEntity<JsonNode> text = upload("bad-notes.vcf", "hello\n".getBytes());
        assertThat(text.getStatusCode().value()).isEqualTo(422);
        assertThat(text.getBody().path("detail").asText()).contains("bad-notes.vcf", "line 1", "not a VCF");
    }

    @Test
    void cancelling_an_import_leaves_no_variant_rows() throws Exception {
        byte[] vcf = Files.readAllBytes(Fixtures.file("fixture-small.vcf.gz"));
        String id = upload("fixture-small.vcf.gz", vcf).getBody().path("id").asText();
        JsonNode cancelled = api().exchange("/api/v1/vcf-imports/" + id, HttpMethod.DELETE, null, JsonNode.class).getBody();
        String status = cancelled.path("status").asText();
        JsonNode end = waitForEnd(id);
        if (status.equals("cancelled")) {
            Thread.sleep(1500);
            assertThat(api().getForObject("/api/v1/vcf-imports/" + id, JsonNode.class).path("status").asText()).isEqualTo("cancelled");
            assertThat(end.path("variants").asLong()).isZero();
            assertThat(rows(id)).isZero();
        } else {
            assertThat(end.path("status").asText()).isEqualTo("done");
        }
        assertThat(Path.of("x")).isNotNull();
    }
}
