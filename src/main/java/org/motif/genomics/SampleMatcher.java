package org.motif.genomics;

import static org.motif.db.Tables.PARTICIPANT;
import static org.motif.db.Tables.VCF_SAMPLE_ALIAS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

/**
 * Matches VCF sample names to participants: the participant id exactly, else a mapping in
 * vcf_sample_alias. Reports unmatched VCF samples and the participants of the families present in
 * the VCF who have no column (placeholders for unknown parents are not expected).
 */
@Component
public class SampleMatcher {
    private final DSLContext db;

    public SampleMatcher(DSLContext db) {
        this.db = db;
    }

    /**
     * @param participantPks database key of the matched participant per VCF column (null = unmatched)
     * @param trios          trios whose child, father and mother are all matched columns, named by participant id
     */
    public record Match(List<Long> participantPks, int matched, List<String> unmatchedVcfSamples,
                        List<String> unmatchedParticipants, List<MendelianCounter.Trio> trios) {
    }

    private record P(long pk, String id, long familyPk, Long fatherPk, Long motherPk, boolean placeholder) {
    }

    public Match match(List<String> samples) {
        Map<String, P> byId = new HashMap<>();
        Map<Long, P> byPk = new HashMap<>();
        for (Record r : db.select(PARTICIPANT.ID, PARTICIPANT.PARTICIPANT_ID, PARTICIPANT.FAMILY_PK, PARTICIPANT.FATHER_PK,
                PARTICIPANT.MOTHER_PK, PARTICIPANT.PLACEHOLDER).from(PARTICIPANT).fetch()) {
            P p = new P(r.get(PARTICIPANT.ID), r.get(PARTICIPANT.PARTICIPANT_ID), r.get(PARTICIPANT.FAMILY_PK),
                    r.get(PARTICIPANT.FATHER_PK), r.get(PARTICIPANT.MOTHER_PK), Boolean.TRUE.equals(r.get(PARTICIPANT.PLACEHOLDER)));
            byId.put(p.id(), p);
            byPk.put(p.pk(), p);
        }
        Map<String, Long> aliases = new HashMap<>();
        db.select(VCF_SAMPLE_ALIAS.SAMPLE_NAME, VCF_SAMPLE_ALIAS.PARTICIPANT_PK).from(VCF_SAMPLE_ALIAS)
                .forEach(r -> aliases.put(r.value1(), r.value2()));
        List<Long> pks = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        Map<Long, Integer> columnOf = new HashMap<>();
        Set<Long> families = new HashSet<>();
        for (int i = 0; i < samples.size(); i++) {
            String name = samples.get(i);
            P p = byId.get(name);
            if (p == null && aliases.containsKey(name)) p = byPk.get(aliases.get(name));
            if (p == null || columnOf.containsKey(p.pk())) {
                pks.add(null);
                unmatched.add(name);
            } else {
                pks.add(p.pk());
                columnOf.put(p.pk(), i);
                families.add(p.familyPk());
            }
        }
        List<String> missing = new ArrayList<>();
        for (P p : byPk.values()) {
            if (families.contains(p.familyPk()) && !p.placeholder() && !columnOf.containsKey(p.pk())) missing.add(p.id());
        }
        missing.sort(null);
        List<MendelianCounter.Trio> trios = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Long pk = pks.get(i);
            if (pk == null) continue;
            P child = byPk.get(pk);
            if (child.fatherPk() == null || child.motherPk() == null) continue;
            Integer f = columnOf.get(child.fatherPk());
            Integer m = columnOf.get(child.motherPk());
            if (f != null && m != null) {
                trios.add(new MendelianCounter.Trio(child.id(), byPk.get(child.fatherPk()).id(), byPk.get(child.motherPk()).id(), i, f, m));
            }
        }
        return new Match(pks, columnOf.size(), unmatched, missing, trios);
    }
}
