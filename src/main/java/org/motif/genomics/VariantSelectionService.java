package org.motif.genomics;

import static org.motif.db.Tables.FAMILY;
import static org.motif.db.Tables.PARTICIPANT;
import static org.motif.db.Tables.PHENOTYPE_RECORD;
import static org.motif.db.Tables.VARIANT;
import static org.motif.db.Tables.VCF_SAMPLE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.motif.base.ValidationException;
import org.motif.genomics.VariantQueryService.FamilyView;
import org.motif.genomics.VariantQueryService.VariantQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Variant selections shared by the variant browser, the dataset export and linkage runs: the SQL part of a
 * {@link VariantQuery} and, for what SQL cannot express (the {@code family} filter), a per-row test, plus the
 * per-family segregation that {@code GET /variants} reports. No role checks here: the calling services check them
 * (linkage runs call it from their background job, after the run was started by a geneticist).
 */
@Service
@Transactional(readOnly = true)
public class VariantSelectionService {
    private final DSLContext db;
    private final GenomicsSettings settings;

    public VariantSelectionService(DSLContext db, GenomicsSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    /**
     * The filters of {@code q} that SQL can express, on columns of {@code variant} only: genes, region, maxAf, minQual,
     * passOnly, consequences. {@code importId} and {@code family} are not in it: the caller restricts imports, and
     * {@link Segregator#matches} applies the family filter row by row.
     *
     * @throws ValidationException 422 for a region that is not {@code contig}, {@code contig:pos} or {@code contig:start-end}
     */
    public Condition condition(VariantQuery q) {
        Condition c = DSL.trueCondition();
        if (q.genes() != null && !q.genes().isEmpty()) {
            c = c.and(DSL.upper(VARIANT.GENE).in(q.genes().stream().map(g -> g.trim().toUpperCase(Locale.ROOT)).toList()));
        }
        if (q.region() != null && !q.region().isBlank()) c = c.and(region(q.region()));
        if (q.maxAf() != null) c = c.and(VARIANT.AF.le(q.maxAf()).or(VARIANT.AF.isNull()));
        if (q.minQual() != null) c = c.and(VARIANT.QUAL.ge(q.minQual()));
        if (Boolean.TRUE.equals(q.passOnly())) c = c.and(VARIANT.FILTER.eq("PASS"));
        List<String> terms = q.consequences() == null ? List.of()
                : q.consequences().stream().filter(t -> t != null && !t.isBlank()).map(t -> t.trim().toLowerCase(Locale.ROOT)).toList();
        if (!terms.isEmpty()) {
            Condition any = DSL.falseCondition();
            for (String term : terms) any = any.or(DSL.lower(VARIANT.CONSEQUENCE).contains(term));
            c = c.and(any);
        }
        return c;
    }

    private static Condition region(String region) {
        String r = region.trim().replace(",", "");
        int colon = r.lastIndexOf(':');
        String contig = colon < 0 ? r : r.substring(0, colon);
        String n = Contigs.normalize(contig);
        Condition c = VARIANT.CONTIG.in(n, "chr" + n, "Chr" + n, "CHR" + n);
        if (n.equals("MT")) c = VARIANT.CONTIG.in("MT", "M", "chrM", "chrMT");
        if (colon < 0) return c;
        String[] range = r.substring(colon + 1).split("-");
        try {
            int start = Integer.parseInt(range[0]);
            int end = range.length > 1 ? Integer.parseInt(range[1]) : start;
            if (start < 1 || end < start) throw new NumberFormatException();
            return c.and(VARIANT.POSITION.between(start, end));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new ValidationException("region '" + region + "' is not valid; write contig:start-end with 1-based positions, e.g. chr9:1000-2000.");
        }
    }

    /**
     * Participant ids whose data must not be used: withdrawn with scope {@code no_use}. The variant browser, its
     * detail and the export treat them as untyped people of unknown affection (their place in the pedigree stays).
     */
    public Set<String> notToBeUsed() {
        return Set.copyOf(db.select(PARTICIPANT.PARTICIPANT_ID).from(PARTICIPANT).where(PARTICIPANT.WITHDRAWAL_SCOPE.eq("no_use"))
                .fetch(PARTICIPANT.PARTICIPANT_ID));
    }

    /**
     * A segregation context that loads each import's pedigree once (use it for one request or job).
     *
     * @param leftOut participant ids whose genotypes and phenotypes must not be used ({@link #notToBeUsed()}):
     *                they stay in the pedigree as untyped people of unknown affection
     */
    public Segregator segregator(Set<String> leftOut) {
        return new Segregator(Set.copyOf(leftOut));
    }

    private record Pedigree(Map<String, List<Segregation.Member>> families, Map<Integer, String> participantByColumn) {
    }

    /** Segregation of variants per family, with the pedigrees of the imports it has seen cached. Not thread-safe. */
    public final class Segregator {
        private final Set<String> leftOut;
        private final Map<Long, Pedigree> pedigrees = new HashMap<>();

        private Segregator(Set<String> leftOut) {
            this.leftOut = leftOut;
        }

        /**
         * The per-family segregation of one variant row, as {@code GET /variants} reports it: one entry per family with
         * a matched sample in the import, in family id order.
         *
         * @param importPk   the import's database key
         * @param contig     the variant's contig (chrX enables the X-linked mode)
         * @param gt         the packed genotype vector of the row
         * @param onlyFamily null for every family; else only this family, and null is returned when no affected member
         *                   of it carries the variant (the browser's family filter)
         */
        public List<FamilyView> families(long importPk, String contig, byte[] gt, String onlyFamily) {
            Pedigree ped = pedigrees.computeIfAbsent(importPk, VariantSelectionService.this::pedigree);
            boolean only = onlyFamily != null && !onlyFamily.isBlank();
            Map<String, Byte> byParticipant = new HashMap<>();
            ped.participantByColumn().forEach((col, id) -> {
                if (col < gt.length && !leftOut.contains(id)) byParticipant.put(id, gt[col]);
            });
            boolean x = Contigs.isX(contig);
            List<FamilyView> fams = new ArrayList<>();
            for (var e : ped.families().entrySet()) {
                if (only && !e.getKey().equals(onlyFamily)) continue;
                List<Segregation.Member> members = e.getValue();
                if (!leftOut.isEmpty()) {
                    members = members.stream().map(m -> leftOut.contains(m.id())
                            ? new Segregation.Member(m.id(), m.fatherId(), m.motherId(), m.sex(), Segregation.Affection.UNKNOWN) : m).toList();
                }
                Segregation.Result r = Segregation.evaluate(e.getKey(), members, byParticipant, x, settings.maxPhenocopies());
                if (only && r.affectedCarriers() == 0) return null;
                fams.add(new FamilyView(r.familyId(), r.affectedCarriers(), r.affectedGenotyped(), r.unaffectedCarriers(),
                        r.unaffectedGenotyped(), r.obligateCarriers().size(), r.obligateCarriers(),
                        r.modes().stream().map(Segregation.Mode::code).toList()));
            }
            if (only && fams.isEmpty()) return null;
            return fams;
        }

        /** Whether a variant row passes the filters SQL cannot express: {@code q.family()} (carried by an affected member). */
        public boolean matches(VariantQuery q, long importPk, String contig, byte[] gt) {
            if (q.family() == null || q.family().isBlank()) return true;
            return families(importPk, contig, gt, q.family()) != null;
        }
    }

    /** Families of the import's matched samples, with every member and the latest affection. */
    private Pedigree pedigree(long importPk) {
        Map<Integer, String> byColumn = new HashMap<>();
        List<Long> familyPks = new ArrayList<>();
        for (Record r : db.select(VCF_SAMPLE.COLUMN_INDEX, PARTICIPANT.PARTICIPANT_ID, PARTICIPANT.FAMILY_PK).from(VCF_SAMPLE)
                .join(PARTICIPANT).on(PARTICIPANT.ID.eq(VCF_SAMPLE.PARTICIPANT_PK)).where(VCF_SAMPLE.IMPORT_PK.eq(importPk)).fetch()) {
            byColumn.put(r.get(VCF_SAMPLE.COLUMN_INDEX), r.get(PARTICIPANT.PARTICIPANT_ID));
            if (!familyPks.contains(r.get(PARTICIPANT.FAMILY_PK))) familyPks.add(r.get(PARTICIPANT.FAMILY_PK));
        }
        var father = PARTICIPANT.as("father");
        var mother = PARTICIPANT.as("mother");
        Map<Long, String> affection = new HashMap<>();
        db.select(PHENOTYPE_RECORD.PARTICIPANT_PK, PHENOTYPE_RECORD.AFFECTION).from(PHENOTYPE_RECORD)
                .join(PARTICIPANT).on(PARTICIPANT.ID.eq(PHENOTYPE_RECORD.PARTICIPANT_PK))
                .where(PARTICIPANT.FAMILY_PK.in(familyPks))
                .orderBy(PHENOTYPE_RECORD.RECORDED_ON, PHENOTYPE_RECORD.ID)
                .forEach(r -> affection.put(r.value1(), r.value2()));
        Map<String, List<Segregation.Member>> families = new LinkedHashMap<>();
        for (Record r : db.select(FAMILY.FAMILY_ID, PARTICIPANT.ID, PARTICIPANT.PARTICIPANT_ID, PARTICIPANT.SEX,
                        father.PARTICIPANT_ID, mother.PARTICIPANT_ID).from(PARTICIPANT)
                .join(FAMILY).on(FAMILY.ID.eq(PARTICIPANT.FAMILY_PK))
                .leftJoin(father).on(father.ID.eq(PARTICIPANT.FATHER_PK))
                .leftJoin(mother).on(mother.ID.eq(PARTICIPANT.MOTHER_PK))
                .where(PARTICIPANT.FAMILY_PK.in(familyPks)).orderBy(FAMILY.FAMILY_ID, PARTICIPANT.ID).fetch()) {
            String aff = affection.getOrDefault(r.get(PARTICIPANT.ID), "unknown");
            Segregation.Member m = new Segregation.Member(r.get(PARTICIPANT.PARTICIPANT_ID), r.get(father.PARTICIPANT_ID),
                    r.get(mother.PARTICIPANT_ID), Segregation.Sex.valueOf(r.get(PARTICIPANT.SEX).toUpperCase(Locale.ROOT)),
                    Segregation.Affection.valueOf(aff.toUpperCase(Locale.ROOT)));
            families.computeIfAbsent(r.get(FAMILY.FAMILY_ID), k -> new ArrayList<>()).add(m);
        }
        return new Pedigree(families, byColumn);
    }
}
