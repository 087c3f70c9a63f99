package org.motif.participant;

import static org.motif.db.Tables.PARTICIPANT;
import static org.motif.db.Tables.PHENOTYPE_RECORD;

import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.motif.base.Problem;
import org.motif.base.ValidationException;
import org.motif.pedigree.Affection;
import org.motif.pedigree.PhenotypeDetail;
import org.motif.security.CurrentUser;
import org.motif.security.Role;
import org.motif.security.audit.AuditService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Phenotype records over time: geneticists write, coordinators and geneticists read (DESIGN.md roles).
 * Records are never edited: a new record is added, and the latest drives the pedigree's affection.
 */
@Service
@Transactional
public class PhenotypeService {
    private final ParticipantStore store;
    private final AuditService audit;

    PhenotypeService(ParticipantStore store, AuditService audit) {
        this.store = store;
        this.audit = audit;
    }

    /** The phenotype history of a participant, oldest first. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.COORDINATOR_NAME, Role.GENETICIST_NAME})
    public List<PhenotypeView> history(String participantId) {
        var p = store.participant(participantId);
        return store.phenotypes(PARTICIPANT.ID.eq(p.getId())).getOrDefault(p.getId(), List.of());
    }

    /**
     * Adds a phenotype record dated {@code detail.recordedOn()} (today when null). HPO ids must match
     * {@code HP:} and 7 digits; age at onset 0–120; the date not in the future.
     */
    @RolesAllowed(Role.GENETICIST_NAME)
    public PhenotypeView add(String participantId, Affection affection, PhenotypeDetail detail) {
        var p = store.participant(participantId);
        List<Problem> problems = new ArrayList<>();
        if (affection == null) problems.add(new Problem(null, "affection", "choose affected, unaffected or unknown"));
        for (String t : detail.hpoTerms()) {
            if (!PhenotypeDetail.HPO_ID.matcher(t).matches()) {
                problems.add(new Problem(null, "hpoTerms", "'" + t + "' is not an HPO id; write HP: and 7 digits, e.g. HP:0002071"));
            }
        }
        if (detail.ageAtOnset() != null && (detail.ageAtOnset() < 0 || detail.ageAtOnset() > 120)) {
            problems.add(new Problem(null, "ageAtOnset", "age at onset " + detail.ageAtOnset() + " is not from 0 to 120 years"));
        }
        LocalDate on = detail.recordedOn() != null ? detail.recordedOn() : LocalDate.now();
        if (on.isAfter(LocalDate.now())) problems.add(new Problem(null, "recordedOn", "date " + on + " is in the future"));
        if (!problems.isEmpty()) {
            throw new ValidationException("Phenotype of " + participantId + " not saved: " + problems.get(0).field() + ": " + problems.get(0).message(), problems);
        }
        insert(store.db(), p.getId(), affection, detail, on);
        audit.record("phenotype.add", "participant", participantId, ParticipantStore.details("affection", affection.label(),
                "dystoniaType", detail.dystoniaType() == null ? null : detail.dystoniaType().code(), "recordedOn", on.toString()));
        List<PhenotypeView> h = history(participantId);
        return h.get(h.size() - 1);
    }

    /** Inserts a record inside the caller's transaction (no checks, no audit). */
    static void insert(DSLContext db, Long participantPk, Affection affection, PhenotypeDetail d, LocalDate on) {
        db.insertInto(PHENOTYPE_RECORD)
                .set(PHENOTYPE_RECORD.PARTICIPANT_PK, participantPk)
                .set(PHENOTYPE_RECORD.RECORDED_ON, on)
                .set(PHENOTYPE_RECORD.AFFECTION, affection.label())
                .set(PHENOTYPE_RECORD.DYSTONIA_TYPE, d.dystoniaType() == null ? null : d.dystoniaType().code())
                .set(PHENOTYPE_RECORD.BODY_REGION, d.bodyRegion())
                .set(PHENOTYPE_RECORD.SIDE, d.side())
                .set(PHENOTYPE_RECORD.INSTRUMENT, d.instrument())
                .set(PHENOTYPE_RECORD.TASK, d.task())
                .set(PHENOTYPE_RECORD.AGE_AT_ONSET, d.ageAtOnset())
                .set(PHENOTYPE_RECORD.CERTAINTY, d.certainty() == null ? null : d.certainty().code())
                .set(PHENOTYPE_RECORD.SEVERITY, d.severity())
                .set(PHENOTYPE_RECORD.HPO_TERMS, d.hpoTerms().isEmpty() ? null : String.join(",", d.hpoTerms()))
                .set(PHENOTYPE_RECORD.EXAMINER, d.examiner())
                .set(PHENOTYPE_RECORD.NOTE, d.note())
                .set(PHENOTYPE_RECORD.CREATED_BY, CurrentUser.actor())
                .execute();
    }
}
