package org.motif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.motif.db.Tables.VCF_IMPORT;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Background jobs through the REST API, for ITs: upload a VCF and wait for a job to end. */
public final class JobApi {
    private JobApi() {
    }

    /** Polls {@code url} (a job: VCF import or linkage run) until it is done, failed or cancelled; at most 60 s. */
    public static JsonNode waitForEnd(TestRestTemplate api, String url) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode j = api.getForObject(url, JsonNode.class);
            String s = j.path("status").asText();
            if (s.equals("done") || s.equals("failed") || s.equals("cancelled")) return j;
            Thread.sleep(100);
        }
        throw new AssertionError(url + " did not finish");
    }

    /** Removes earlier imports of {@code name}, uploads {@code vcf} as {@code name}, waits for it and asserts it is done; returns its id. */
    public static String importVcf(TestRestTemplate api, DSLContext db, String name, String vcf) throws InterruptedException {
        StudyFixtures.deleteImports(db, VCF_IMPORT.FILE_NAME.eq(name));
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(vcf.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> started = api.postForEntity("/api/v1/vcf-imports", new HttpEntity<>(form, h), JsonNode.class);
        assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(202);
        String id = started.getBody().path("id").asText();
        JsonNode done = waitForEnd(api, "/api/v1/vcf-imports/" + id);
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("done");
        return id;
    }
}
