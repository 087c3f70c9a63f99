package org.motif.api;

import java.time.LocalDate;
import java.util.List;
import org.motif.participant.FamilyService;
import org.motif.participant.ImportReport;
import org.motif.participant.ParticipantDetail;
import org.motif.participant.ParticipantService;
import org.motif.participant.ParticipantSummary;
import org.motif.participant.PhenotypeView;
import org.motif.pedigree.PedigreeDrawing;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Families, participants and pedigrees (API.md): PED import/export, drawings, participant summaries. */
@RestController
@RequestMapping("/api/v1")
class PedigreeController {
    private static final MediaType PED = MediaType.parseMediaType("text/plain;charset=UTF-8");
    private final FamilyService families;
    private final ParticipantService participants;

    PedigreeController(FamilyService families, ParticipantService participants) {
        this.families = families;
        this.participants = participants;
    }

    @PostMapping(value = "/pedigrees", consumes = {MediaType.TEXT_PLAIN_VALUE, "text/*", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ImportReport importPed(@RequestBody(required = false) String text, @RequestParam(required = false) String idPrefix) {
        if (idPrefix != null && !idPrefix.equals("family")) {
            throw new org.motif.base.MotifException("idPrefix '" + idPrefix + "' is not known; the only value is idPrefix=family.");
        }
        return families.importPed(text, "family".equals(idPrefix));
    }

    @GetMapping(value = "/pedigrees", produces = "text/plain")
    ResponseEntity<String> all(@RequestParam(defaultValue = "false") boolean extended) {
        return ResponseEntity.ok().contentType(PED).body(families.exportAll(extended));
    }

    @GetMapping(value = "/families/{familyId}/pedigree.ped")
    ResponseEntity<String> ped(@PathVariable String familyId, @RequestParam(defaultValue = "false") boolean extended) {
        return ResponseEntity.ok().contentType(PED).header("Content-Disposition", "attachment; filename=\"" + familyId + ".ped\"")
                .body(families.exportPed(familyId, extended));
    }

    @GetMapping(value = "/families/{familyId}/pedigree.svg")
    ResponseEntity<String> svg(@PathVariable String familyId) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("image/svg+xml"))
                .body(PedigreeDrawing.svg(families.pedigree(familyId), families.couples(familyId), familyId, null));
    }

    @GetMapping(value = "/families/{familyId}/pedigree.png")
    ResponseEntity<byte[]> png(@PathVariable String familyId) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .body(PedigreeDrawing.png(families.pedigree(familyId), families.couples(familyId), familyId));
    }

    @GetMapping("/participants")
    Page<ParticipantJson> participants(@RequestParam(required = false) String family, @RequestParam(defaultValue = "100") int limit,
                                       @RequestParam(required = false) String cursor) {
        int size = Page.limit(limit);
        int offset = Page.offset(cursor);
        List<ParticipantJson> items = participants.list(family, offset, size + 1).stream().map(ParticipantJson::of).toList();
        return Page.of(items, offset, size);
    }

    @GetMapping("/participants/{id}")
    ParticipantWithHistory participant(@PathVariable String id) {
        ParticipantDetail d = participants.get(id);
        ParticipantJson s = ParticipantJson.of(d.summary());
        return new ParticipantWithHistory(s.id(), s.familyId(), s.fatherId(), s.motherId(), s.sex(), s.birthYear(), s.proband(), s.role(),
                s.affection(), s.phenotype(), d.summary().deceased(), d.summary().placeholder(), d.twinGroup(), d.twinType(), d.version(),
                d.phenotypes().stream().map(PhenotypeJson::of).toList());
    }

    record ParticipantJson(String id, String familyId, String fatherId, String motherId, String sex, Integer birthYear, boolean proband,
                           String role, String affection, PhenotypeJson phenotype) {
        static ParticipantJson of(ParticipantSummary p) {
            return new ParticipantJson(p.id(), p.familyId(), p.fatherId(), p.motherId(), p.sex().label(), p.birthYear(), p.proband(),
                    p.role().code(), p.affection().label(), p.phenotype() == null ? null : PhenotypeJson.of(p.phenotype()));
        }
    }

    record ParticipantWithHistory(String id, String familyId, String fatherId, String motherId, String sex, Integer birthYear, boolean proband,
                                  String role, String affection, PhenotypeJson phenotype, boolean deceased, boolean placeholder,
                                  String twinGroup, String twinType, int version, List<PhenotypeJson> phenotypes) {
    }

    record PhenotypeJson(LocalDate recordedOn, String affection, String dystoniaType, String bodyRegion, String side, String instrument,
                         String task, Integer ageAtOnset, String certainty, String severity, List<String> hpoTerms, String examiner,
                         String note, String recordedBy) {
        static PhenotypeJson of(PhenotypeView v) {
            return new PhenotypeJson(v.recordedOn(), v.affection().label(), v.dystoniaType() == null ? null : v.dystoniaType().code(),
                    v.bodyRegion(), v.side(), v.instrument(), v.task(), v.ageAtOnset(), v.certainty() == null ? null : v.certainty().code(),
                    v.severity(), v.hpoTerms(), v.examiner(), v.note(), v.recordedBy());
        }
    }
}
