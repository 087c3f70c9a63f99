package org.motif.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.motif.base.MotifException;
import org.motif.questionnaire.InstrumentDefinition;
import org.motif.questionnaire.InstrumentService;
import org.motif.questionnaire.InstrumentSummary;
import org.motif.questionnaire.ScaleScore;
import org.motif.questionnaire.ScoreResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Instrument definitions and scoring without storing (API.md, "Instruments"); any staff role (ApiAccess). */
@RestController
@RequestMapping("/api/v1/instruments")
class InstrumentController {
    private final InstrumentService instruments;

    InstrumentController(InstrumentService instruments) {
        this.instruments = instruments;
    }

    @GetMapping
    Page<InstrumentSummary> list() {
        return new Page<>(instruments.list(), null);
    }

    @GetMapping("/{id}")
    InstrumentDefinition get(@PathVariable String id) {
        return instruments.get(id);
    }

    @PostMapping("/{id}/score")
    ScoreResponse score(@PathVariable String id, @RequestBody ScoreRequest body) {
        if (body == null || body.responses() == null) {
            throw new MotifException("The body needs \"responses\": {\"<itemId>\": value, …} (optionally \"version\").");
        }
        Map<String, Object> answers = new HashMap<>(body.responses());
        ScoreResult r = instruments.score(id, body.version(), answers);
        return new ScoreResponse(r.instrument(), r.version(), r.scales());
    }

    record ScoreRequest(Map<String, Object> responses, String version) {
    }

    record ScoreResponse(String instrument, String version, List<ScaleScore> scales) {
    }
}
