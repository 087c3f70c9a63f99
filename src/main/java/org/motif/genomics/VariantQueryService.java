package org.motif.genomics;

import static org.motif.db.Tables.FAMILY;
import static org.motif.db.Tables.PARTICIPANT;
import static org.motif.db.Tables.PHENOTYPE_RECORD;
import static org.motif.db.Tables.VARIANT;
import static org.motif.db.Tables.VCF_IMPORT;
import static org.motif.db.Tables.VCF_SAMPLE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.motif.base.MotifException;
import org.motif.base.NotFoundException;
import org.motif.base.ValidationException;
import org.motif.db.tables.records.VariantRecord;
import org.motif.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Variant browser queries with per-family segregation (API.md {@code GET /variants}). */
@Service
@Transactional(readOnly = true)
public class VariantQueryService {
    private static final int SCAN_BATCH = 2000;
    private static final int MAX_SCAN = 200_000;

    private final DSLContext db;
    private final GenomicsSettings settings;

    public VariantQueryService(DSLContext db, GenomicsSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    /**
     * Filters; null = no filter.
     *
     * @param genes  gene symbols (case-insensitive)
     * @param region {@code contig}, {@code contig:start-end} (1-based, inclusive); chr1 = 1
     * @param maxAf  keeps variants with AF ≤ maxAf or no AF
     * @param family keeps variants carried by an affected member of this family and reports only it
     */
    public record VariantQuery(String importId, List<String> genes, String region, Double maxAf, String family) {
    }

    public record FamilyView(String familyId, int affectedCarriers, int affectedGenotyped, int unaffectedCarriers,
                             int unaffectedGenotyped, int obligateCarriers, List<String> obligateCarrierIds, List<String> modes) {
    }

    public record VariantView(String variant, String id, Double qual, String filter, String gene, String consequence, Double af,
                              List<FamilyView> families) {
    }

    /** A page; {@code next} is the cursor of the next page or null. */
    public record VariantPage(List<VariantView> items, String next) {
    }

    private record Pedigree(Map<String, List<Segregation.Member>> families, Map<Integer, String> participantByColumn) {
    }

    @RolesAllowed(Role.GENETICIST_NAME)
    public VariantPage find(VariantQuery q, String cursor, int limit) {
        long after = 0;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw new MotifException("cursor '" + cursor + "' is not valid; pass the 'next' value of the previous page.");
            }
        }
        Condition c = VARIANT.ID.gt(after).and(VCF_IMPORT.STATUS.eq("done"));
        if (q.importId() != null && !q.importId().isBlank()) {
            if (!db.fetchExists(VCF_IMPORT, VCF_IMPORT.IMPORT_ID.eq(q.importId()))) {
                throw new NotFoundException("No VCF import '" + q.importId() + "'; list them with GET /api/v1/vcf-imports.");
            }
            c = c.and(VCF_IMPORT.IMPORT_ID.eq(q.importId()));
        }
        if (q.genes() != null && !q.genes().isEmpty()) {
            c = c.and(DSL.upper(VARIANT.GENE).in(q.genes().stream().map(g -> g.trim().toUpperCase(Locale.ROOT)).toList()));
        }
        if (q.region() != null && !q.region().isBlank()) c = c.and(region(q.region()));
        if (q.maxAf() != null) c = c.and(VARIANT.AF.le(q.maxAf()).or(VARIANT.AF.isNull()));
        if (q.family() != null && !q.family().isBlank() && !db.fetchExists(FAMILY, FAMILY.FAMILY_ID.eq(q.family()))) {
            throw new NotFoundException("No family '" + q.family() + "'.");
        }
        Map<Long, Pedigree> pedigrees = new HashMap<>();
        List<VariantView> out = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        long lastId = after;
        int scanned = 0;
        while (out.size() <= limit && scanned < MAX_SCAN) {
            List<Record> rows = db.select(VARIANT.fields()).from(VARIANT).join(VCF_IMPORT).on(VCF_IMPORT.ID.eq(VARIANT.IMPORT_PK))
                    .where(c.and(VARIANT.ID.gt(lastId))).orderBy(VARIANT.ID).limit(SCAN_BATCH).fetch();
            if (rows.isEmpty()) break;
            for (Record row : rows) {
                VariantRecord v = row.into(VARIANT);
                lastId = v.getId();
                scanned++;
                Pedigree ped = pedigrees.computeIfAbsent(v.getImportPk(), this::pedigree);
                VariantView view = view(v, ped, q.family());
                if (view != null) {
                    out.add(view);
                    ids.add(v.getId());
                    if (out.size() > limit) break;
                }
            }
        }
        if (out.size() > limit) {
            List<VariantView> items = out.subList(0, limit);
            return new VariantPage(List.copyOf(items), String.valueOf(ids.get(limit - 1)));
        }
        return new VariantPage(out, scanned >= MAX_SCAN ? String.valueOf(lastId) : null);
    }

    private VariantView view(VariantRecord v, Pedigree ped, String onlyFamily) {
        byte[] gt = v.getGt();
        Map<String, Byte> byParticipant = new HashMap<>();
        ped.participantByColumn().forEach((col, id) -> {
            if (col < gt.length) byParticipant.put(id, gt[col]);
        });
        boolean x = Contigs.isX(v.getContig());
        List<FamilyView> fams = new ArrayList<>();
        for (var e : ped.families().entrySet()) {
            if (onlyFamily != null && !onlyFamily.isBlank() && !e.getKey().equals(onlyFamily)) continue;
            Segregation.Result r = Segregation.evaluate(e.getKey(), e.getValue(), byParticipant, x, settings.maxPhenocopies());
            if (onlyFamily != null && !onlyFamily.isBlank() && r.affectedCarriers() == 0) return null;
            fams.add(new FamilyView(r.familyId(), r.affectedCarriers(), r.affectedGenotyped(), r.unaffectedCarriers(),
                    r.unaffectedGenotyped(), r.obligateCarriers().size(), r.obligateCarriers(),
                    r.modes().stream().map(Segregation.Mode::code).toList()));
        }
        if (onlyFamily != null && !onlyFamily.isBlank() && fams.isEmpty()) return null;
        return new VariantView(v.getContig() + ":" + v.getPosition() + ":" + v.getRef() + ":" + v.getAlt(),
                v.getVariantId(), v.getQual(), v.getFilter(), v.getGene(), v.getConsequence(), v.getAf(), fams);
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
