package org.motif.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.motif.db.Tables.INSTRUMENT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.motif.AbstractIT;
import org.motif.questionnaire.InstrumentService;
import org.motif.questionnaire.InstrumentLibraryException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class InstrumentApiIT extends AbstractIT {
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    DSLContext db;
    @Autowired
    InstrumentService instruments;

    ResponseEntity<String> call(HttpMethod method, String path, Object body) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(ADMIN, ADMIN_PASSWORD);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    JsonNode read(ResponseEntity<String> r) throws Exception {
        return json.readTree(r.getBody());
    }

    @Test
    void the_list_has_the_seven_instruments_in_the_list_envelope() throws Exception {
        var r = call(HttpMethod.GET, "/api/v1/instruments", null);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        JsonNode body = read(r);
        assertThat(body.get("next").isNull()).isTrue();
        assertThat(body.get("items")).extracting(n -> n.get("id").asText())
                .containsExactly("dystonia_history", "family_history", "fmps", "gad7", "musical_background", "stai", "treatment_outcome");
        JsonNode fmps = body.get("items").get(2);
        assertThat(fmps.get("version").asText()).isEqualTo("1");
        assertThat(fmps.get("licence").asText()).isEqualTo("licensed");
        assertThat(fmps.get("items").asInt()).isEqualTo(35);
        assertThat(fmps.get("textsInstalled").asBoolean()).isFalse();
        assertThat(fmps.get("scales")).extracting(JsonNode::asText).containsExactly("concern_over_mistakes", "personal_standards",
                "parental_expectations", "parental_criticism", "doubts_about_actions", "organization", "total");
        assertThat(body.get("items").get(3).get("textsInstalled").asBoolean()).isTrue();
        assertThat(body.get("items").get(3).get("title").asText()).isEqualTo("Generalized Anxiety Disorder 7 (GAD-7)");
    }

    @Test
    void one_instrument_comes_back_as_its_full_definition() throws Exception {
        JsonNode d = read(call(HttpMethod.GET, "/api/v1/instruments/gad7", null));
        assertThat(d.get("id").asText()).isEqualTo("gad7");
        assertThat(d.get("licence").asText()).isEqualTo("public-domain");
        assertThat(d.get("items").get(0).get("type").asText()).isEqualTo("single-choice");
        assertThat(d.get("items").get(0).get("text").get("de").asText()).isEqualTo("Nervosität, Ängstlichkeit oder Anspannung");
        assertThat(d.get("scales").get(0).get("bands").get(3).get("label").asText()).isEqualTo("severe");
        assertThat(d.get("responseSets").get(0).get("options").get(3).get("value").asInt()).isEqualTo(3);
    }

    @Test
    void an_unknown_instrument_is_404() {
        var r = call(HttpMethod.GET, "/api/v1/instruments/phq9", null);
        assertThat(r.getStatusCode().value()).isEqualTo(404);
        assertThat(r.getBody()).contains("No instrument 'phq9'");
    }

    @Test
    void scoring_returns_every_scale_and_stores_nothing() throws Exception {
        int rows = db.fetchCount(INSTRUMENT);
        var r = call(HttpMethod.POST, "/api/v1/instruments/gad7/score",
                Map.of("responses", Map.of("gad7_1", 1, "gad7_2", 2, "gad7_3", 0, "gad7_4", 3, "gad7_5", 1, "gad7_6", 2, "gad7_7", 1)));
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        JsonNode body = read(r);
        assertThat(body.get("instrument").asText()).isEqualTo("gad7");
        assertThat(body.get("version").asText()).isEqualTo("1");
        JsonNode total = body.get("scales").get(0);
        assertThat(total.get("id").asText()).isEqualTo("total");
        assertThat(total.get("score").asDouble()).isEqualTo(10.0);
        assertThat(total.get("answered").asInt()).isEqualTo(7);
        assertThat(total.get("of").asInt()).isEqualTo(7);
        assertThat(total.get("prorated").asBoolean()).isFalse();
        assertThat(total.get("band").asText()).isEqualTo("moderate");
        assertThat(db.fetchCount(INSTRUMENT)).isEqualTo(rows);
    }

    @Test
    void a_missing_answer_scores_null_in_json() throws Exception {
        var responses = new java.util.HashMap<String, Object>(Map.of("gad7_1", 1, "gad7_2", 2));
        responses.put("gad7_3", null);
        JsonNode total = read(call(HttpMethod.POST, "/api/v1/instruments/gad7/score", Map.of("responses", responses))).get("scales").get(0);
        assertThat(total.get("score").isNull()).isTrue();
        assertThat(total.get("band").isNull()).isTrue();
        assertThat(total.get("answered").asInt()).isEqualTo(2);
    }

    @Test
    void unknown_item_ids_are_422_naming_them() throws Exception {
        var r = call(HttpMethod.POST, "/api/v1/instruments/gad7/score", Map.of("responses", Map.of("gad7_1", 1, "gad7_9", 2)));
        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(read(r).get("detail").asText()).contains("gad7_9");
    }

    @Test
    void without_credentials_the_api_answers_401() {
        var r = rest.getForEntity("/api/v1/instruments", String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void loaded_versions_are_stored_and_an_older_version_stays_scoreable() throws Exception {
        assertThat(instruments.versions("gad7")).contains("1");
        // an earlier version "0" of gad7 whose bands were coarser, as if stored by an earlier release
        String old = Files.readString(Path.of("questionnaires/gad7.yaml")).replace("version: \"1\"", "version: \"0\"")
                .replace("      - {min: 10, max: 14, label: moderate}\n      - {min: 15, max: 21, label: severe}\n", "      - {min: 10, max: 21, label: high}\n");
        if (db.fetchCount(INSTRUMENT, INSTRUMENT.INSTRUMENT_ID.eq("gad7").and(INSTRUMENT.VERSION.eq("0"))) == 0) {
            db.insertInto(INSTRUMENT).set(INSTRUMENT.INSTRUMENT_ID, "gad7").set(INSTRUMENT.VERSION, "0").set(INSTRUMENT.CONTENT_HASH, "x")
                    .set(INSTRUMENT.FILE_NAME, "gad7.yaml").set(INSTRUMENT.DEFINITION, old).execute();
        }
        var r = call(HttpMethod.POST, "/api/v1/instruments/gad7/score",
                Map.of("version", "0", "responses", Map.of("gad7_1", 3, "gad7_2", 3, "gad7_3", 3, "gad7_4", 3, "gad7_5", 3, "gad7_6", 0, "gad7_7", 0)));
        JsonNode body = read(r);
        assertThat(body.get("version").asText()).isEqualTo("0");
        assertThat(body.get("scales").get(0).get("band").asText()).isEqualTo("high");
        assertThat(call(HttpMethod.POST, "/api/v1/instruments/gad7/score", Map.of("version", "7", "responses", Map.of())).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void a_changed_definition_under_an_unchanged_version_refuses_to_register() {
        db.update(INSTRUMENT).set(INSTRUMENT.CONTENT_HASH, "changed").where(INSTRUMENT.INSTRUMENT_ID.eq("stai"), INSTRUMENT.VERSION.eq("1")).execute();
        try {
            var e = org.assertj.core.api.Assertions.catchThrowableOfType(InstrumentLibraryException.class, () -> instruments.registerLoadedVersions());
            assertThat(e.getMessage()).contains("stai.yaml line 8, field version: the content of stai changed but its version is still '1'")
                    .contains("version: \"2\"");
        } finally {
            String hash = org.motif.questionnaire.DefinitionLoaderAccess.hashOf("stai");
            db.update(INSTRUMENT).set(INSTRUMENT.CONTENT_HASH, hash).where(INSTRUMENT.INSTRUMENT_ID.eq("stai"), INSTRUMENT.VERSION.eq("1")).execute();
        }
    }
}
