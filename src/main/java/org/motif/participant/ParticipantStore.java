package org.motif.participant;

import static org.motif.db.Tables.FAMILY;
import static org.motif.db.Tables.PARTICIPANT;
import static org.motif.db.Tables.PARTNERSHIP;
import static org.motif.db.Tables.PHENOTYPE_RECORD;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.motif.base.NotFoundException;
import org.motif.db.tables.records.ParticipantRecord;
import org.motif.db.tables.records.PhenotypeRecordRecord;
import org.motif.pedigree.Affection;
import org.motif.pedigree.Certainty;
import org.motif.pedigree.DystoniaType;
import org.motif.pedigree.Individual;
import org.motif.pedigree.Couple;
import org.motif.pedigree.PedigreeValidator.Stored;
import org.motif.pedigree.PhenotypeDetail;
import org.motif.pedigree.Sex;
import org.motif.pedigree.StudyRole;
import org.springframework.stereotype.Component;

/**
 * Reads families, participants and phenotypes into read models. Used by the services inside their
 * transactions (it has no transaction or permission check of its own and is not public).
 */
@Component
class ParticipantStore {
    private final DSLContext db;

    ParticipantStore(DSLContext db) {
        this.db = db;
    }

    DSLContext db() {
        return db;
    }

    Long familyPk(String familyId) {
        Long pk = db.select(FAMILY.ID).from(FAMILY).where(FAMILY.FAMILY_ID.eq(familyId)).fetchOne(FAMILY.ID);
        if (pk == null) throw new NotFoundException("No family '" + familyId + "'; check the family id (e.g. F001) or import its PED file.");
        return pk;
    }

    ParticipantRecord participant(String id) {
        ParticipantRecord r = db.selectFrom(PARTICIPANT).where(PARTICIPANT.PARTICIPANT_ID.eq(id)).fetchOne();
        if (r == null) throw new NotFoundException("No participant '" + id + "'; check the id (e.g. F001-07).");
        return r;
    }

    Map<Long, String> idsByPk(Condition c) {
        Map<Long, String> m = new HashMap<>();
        db.select(PARTICIPANT.ID, PARTICIPANT.PARTICIPANT_ID).from(PARTICIPANT).where(c).forEach(r -> m.put(r.value1(), r.value2()));
        return m;
    }

    /** Every stored participant id with its family and sex (for id-clash and parent checks). */
    Map<String, Stored> stored() {
        Map<String, Stored> m = new HashMap<>();
        db.select(PARTICIPANT.PARTICIPANT_ID, FAMILY.FAMILY_ID, PARTICIPANT.SEX).from(PARTICIPANT).join(FAMILY).on(FAMILY.ID.eq(PARTICIPANT.FAMILY_PK))
                .forEach(r -> m.put(r.value1(), new Stored(r.value2(), Sex.fromLabel(r.value3()))));
        return m;
    }

    /** Phenotype records per participant pk, oldest first (recorded_on, then id). */
    Map<Long, List<PhenotypeView>> phenotypes(Condition participantCondition) {
        Map<Long, List<PhenotypeView>> m = new HashMap<>();
        db.selectFrom(PHENOTYPE_RECORD).where(PHENOTYPE_RECORD.PARTICIPANT_PK.in(DSL.select(PARTICIPANT.ID).from(PARTICIPANT).where(participantCondition)))
                .orderBy(PHENOTYPE_RECORD.RECORDED_ON, PHENOTYPE_RECORD.ID)
                .forEach(r -> m.computeIfAbsent(r.getParticipantPk(), k -> new ArrayList<>()).add(view(r)));
        return m;
    }

    static PhenotypeView view(PhenotypeRecordRecord r) {
        List<String> hpo = r.getHpoTerms() == null || r.getHpoTerms().isBlank() ? List.of() : Arrays.asList(r.getHpoTerms().split(","));
        return new PhenotypeView(r.getRecordedOn(), Affection.fromLabel(r.getAffection()),
                r.getDystoniaType() == null ? null : DystoniaType.fromCode(r.getDystoniaType()), r.getBodyRegion(), r.getSide(),
                r.getInstrument(), r.getTask(), r.getAgeAtOnset(), r.getCertainty() == null ? null : Certainty.fromCode(r.getCertainty()),
                r.getSeverity(), hpo, r.getExaminer(), r.getNote(), r.getCreatedBy(), r.getCreatedAt());
    }

    /** Participant summaries matching {@code c}, ordered by family then id (numbers as numbers). */
    List<ParticipantSummary> summaries(Condition c) {
        Map<Long, String> ids = idsByPk(DSL.trueCondition());
        Map<Long, List<PhenotypeView>> phen = phenotypes(c);
        List<ParticipantSummary> out = new ArrayList<>();
        db.select(PARTICIPANT.fields()).select(FAMILY.FAMILY_ID).from(PARTICIPANT).join(FAMILY).on(FAMILY.ID.eq(PARTICIPANT.FAMILY_PK)).where(c)
                .forEach(r -> {
                    ParticipantRecord p = r.into(PARTICIPANT);
                    out.add(summary(p, r.get(FAMILY.FAMILY_ID), ids, phen.getOrDefault(p.getId(), List.of())));
                });
        out.sort((a, b) -> {
            int f = org.motif.pedigree.NaturalOrder.INSTANCE.compare(a.familyId(), b.familyId());
            return f != 0 ? f : org.motif.pedigree.NaturalOrder.INSTANCE.compare(a.id(), b.id());
        });
        return out;
    }

    static ParticipantSummary summary(ParticipantRecord p, String familyId, Map<Long, String> ids, List<PhenotypeView> history) {
        PhenotypeView latest = history.isEmpty() ? null : history.get(history.size() - 1);
        return new ParticipantSummary(p.getParticipantId(), familyId, ids.get(p.getFatherPk()), ids.get(p.getMotherPk()),
                Sex.fromLabel(p.getSex()), p.getBirthYear(), p.getProband(), StudyRole.fromCode(p.getRole()),
                latest == null ? Affection.UNKNOWN : latest.affection(), p.getDeceased(), p.getPlaceholder(), latest);
    }

    /** The members of families matching {@code c} as pedigree individuals (latest phenotype as detail). */
    List<Individual> individuals(Condition familyCondition) {
        Condition c = PARTICIPANT.FAMILY_PK.in(DSL.select(FAMILY.ID).from(FAMILY).where(familyCondition));
        Map<Long, String> ids = idsByPk(c);
        Map<Long, List<PhenotypeView>> phen = phenotypes(c);
        Map<Long, String> families = new HashMap<>();
        db.select(FAMILY.ID, FAMILY.FAMILY_ID).from(FAMILY).where(familyCondition).forEach(r -> families.put(r.value1(), r.value2()));
        List<Individual> out = new ArrayList<>();
        for (ParticipantRecord p : db.selectFrom(PARTICIPANT).where(c).fetch()) {
            List<PhenotypeView> h = phen.getOrDefault(p.getId(), List.of());
            PhenotypeView latest = h.isEmpty() ? null : h.get(h.size() - 1);
            out.add(new Individual(families.get(p.getFamilyPk()), p.getParticipantId(), ids.get(p.getFatherPk()), ids.get(p.getMotherPk()),
                    Sex.fromLabel(p.getSex()), latest == null ? Affection.UNKNOWN : latest.affection(), p.getBirthYear(), p.getProband(),
                    p.getDeceased(), StudyRole.fromCode(p.getRole()), p.getPlaceholder(), p.getTwinGroup(), p.getTwinType(),
                    latest == null ? PhenotypeDetail.NONE : latest.detail()));
        }
        return out;
    }

    /** Explicit partnerships among the members of one family (couples with children are implied). */
    List<Couple> partnerships(Long familyPk) {
        Map<Long, String> ids = idsByPk(PARTICIPANT.FAMILY_PK.eq(familyPk));
        List<Couple> out = new ArrayList<>();
        db.selectFrom(PARTNERSHIP).where(PARTNERSHIP.PARTNER1_PK.in(ids.keySet())).forEach(r -> {
            if (ids.containsKey(r.getPartner2Pk())) {
                out.add(new Couple(ids.get(r.getPartner1Pk()), ids.get(r.getPartner2Pk()), r.getConsanguineous()));
            }
        });
        return out;
    }

    /** The next free {@code <familyId>-NN} id of a family. */
    String nextId(String familyId) {
        int max = 0;
        for (String id : db.select(PARTICIPANT.PARTICIPANT_ID).from(PARTICIPANT).where(PARTICIPANT.PARTICIPANT_ID.startsWith(familyId + "-"))
                .fetch(PARTICIPANT.PARTICIPANT_ID)) {
            String rest = id.substring(familyId.length() + 1);
            if (rest.matches("\\d{1,6}")) max = Math.max(max, Integer.parseInt(rest));
        }
        return familyId + "-" + String.format("%02d", max + 1);
    }

    static Map<String, Object> details(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
