package org.motif.genomics;

import static org.motif.db.Tables.FAMILY;
import static org.motif.db.Tables.PARTICIPANT;
import static org.motif.db.Tables.VARIANT;
import static org.motif.db.Tables.VCF_IMPORT;
import static org.motif.db.Tables.VCF_SAMPLE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
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
    private final VariantSelectionService selections;

    public VariantQueryService(DSLContext db, VariantSelectionService selections) {
        this.db = db;
        this.selections = selections;
    }

    /**
     * Filters; null = no filter.
     *
     * @param genes  gene symbols (case-insensitive)
     * @param region {@code contig}, {@code contig:start-end} (1-based, inclusive); chr1 = 1
     * @param maxAf  keeps variants with AF ≤ maxAf or no AF
     * @param family keeps variants carried by an affected member of this family and reports only it
     * @param minQual keeps variants with QUAL ≥ minQual (a missing QUAL fails)
     * @param passOnly true keeps only FILTER = PASS
     * @param consequences keeps variants whose consequence contains one of these terms (case-insensitive;
     *                     "missense" matches "missense_variant&splice_region_variant")
     */
    public record VariantQuery(String importId, List<String> genes, String region, Double maxAf, String family,
                               Double minQual, Boolean passOnly, List<String> consequences) {
        /** The query without the newer filters. */
        public VariantQuery(String importId, List<String> genes, String region, Double maxAf, String family) {
            this(importId, genes, region, maxAf, family, null, null, null);
        }

        /** This query with every filter that is null (or empty) here taken from {@code saved}. */
        public VariantQuery over(VariantQuery saved) {
            return new VariantQuery(blank(importId) ? saved.importId() : importId, empty(genes) ? saved.genes() : genes,
                    blank(region) ? saved.region() : region, maxAf == null ? saved.maxAf() : maxAf,
                    blank(family) ? saved.family() : family, minQual == null ? saved.minQual() : minQual,
                    passOnly == null ? saved.passOnly() : passOnly, empty(consequences) ? saved.consequences() : consequences);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        private static boolean empty(List<String> l) {
            return l == null || l.isEmpty();
        }
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

    /** One member's call: gt "0/0", "0/1", "1/1" or "./." (a haploid ALT call is shown as "1/1"); gq/dp null when missing. */
    public record MemberGenotype(String participantId, String gt, Integer gq, Integer dp) {
    }

    /**
     * The calls of one variant row by participant id (matched samples only).
     *
     * @param notUsed matched participants whose data must not be used (withdrawn with scope no_use): no call is given
     */
    public record VariantGenotypes(String variant, String importId, Map<String, MemberGenotype> byParticipant, Set<String> notUsed) {
    }

    /**
     * The genotypes of one variant for the variant detail.
     *
     * @param importId   the import, or null/blank for the newest finished import holding the variant
     * @param variantKey {@code contig:pos:ref:alt} as in {@link VariantView#variant()}
     * @throws ValidationException 422 for a key not of that form
     * @throws NotFoundException   404 when no finished import holds it
     */
    @RolesAllowed(Role.GENETICIST_NAME)
    public VariantGenotypes genotypes(String importId, String variantKey) {
        String[] k = variantKey == null ? new String[0] : variantKey.split(":");
        int pos;
        try {
            pos = k.length == 4 ? Integer.parseInt(k[1]) : -1;
        } catch (NumberFormatException e) {
            pos = -1;
        }
        if (pos < 1) throw new ValidationException("variant '" + variantKey + "' is not valid; write contig:pos:ref:alt, e.g. chr9:129814200:C:T.");
        Condition c = VCF_IMPORT.STATUS.eq("done").and(VARIANT.CONTIG.eq(k[0])).and(VARIANT.POSITION.eq(pos))
                .and(VARIANT.REF.eq(k[2])).and(VARIANT.ALT.eq(k[3]));
        if (importId != null && !importId.isBlank()) c = c.and(VCF_IMPORT.IMPORT_ID.eq(importId));
        Record row = db.select(VARIANT.IMPORT_PK, VARIANT.GT, VARIANT.GQ, VARIANT.DP, VCF_IMPORT.IMPORT_ID).from(VARIANT)
                .join(VCF_IMPORT).on(VCF_IMPORT.ID.eq(VARIANT.IMPORT_PK)).where(c).orderBy(VARIANT.ID.desc()).limit(1).fetchOne();
        if (row == null) throw new NotFoundException("No finished import holds variant " + variantKey + ".");
        byte[] gt = row.get(VARIANT.GT);
        Set<String> notToBeUsed = selections.notToBeUsed();
        Map<String, MemberGenotype> out = new LinkedHashMap<>();
        Set<String> notUsed = new TreeSet<>();
        for (Record r : db.select(VCF_SAMPLE.COLUMN_INDEX, PARTICIPANT.PARTICIPANT_ID).from(VCF_SAMPLE).join(PARTICIPANT)
                .on(PARTICIPANT.ID.eq(VCF_SAMPLE.PARTICIPANT_PK)).where(VCF_SAMPLE.IMPORT_PK.eq(row.get(VARIANT.IMPORT_PK)))
                .orderBy(VCF_SAMPLE.COLUMN_INDEX).fetch()) {
            int col = r.get(VCF_SAMPLE.COLUMN_INDEX);
            if (col >= gt.length) continue;
            String id = r.get(PARTICIPANT.PARTICIPANT_ID);
            if (notToBeUsed.contains(id)) {
                notUsed.add(id);
                continue;
            }
            out.put(id, new MemberGenotype(id, GT_TEXT[gt[col]], Genotypes.u16(row.get(VARIANT.GQ), col), Genotypes.u16(row.get(VARIANT.DP), col)));
        }
        return new VariantGenotypes(variantKey, row.get(VCF_IMPORT.IMPORT_ID), out, notUsed);
    }

    private static final String[] GT_TEXT = {"0/0", "0/1", "1/1", "./."};

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
        c = c.and(selections.condition(q));
        if (q.family() != null && !q.family().isBlank() && !db.fetchExists(FAMILY, FAMILY.FAMILY_ID.eq(q.family()))) {
            throw new NotFoundException("No family '" + q.family() + "'.");
        }
        VariantSelectionService.Segregator segregator = selections.segregator(selections.notToBeUsed());
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
                VariantView view = view(v, segregator, q.family());
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

    private static VariantView view(VariantRecord v, VariantSelectionService.Segregator segregator, String onlyFamily) {
        List<FamilyView> fams = segregator.families(v.getImportPk(), v.getContig(), v.getGt(), onlyFamily);
        if (fams == null) return null;
        return new VariantView(v.getContig() + ":" + v.getPosition() + ":" + v.getRef() + ":" + v.getAlt(),
                v.getVariantId(), v.getQual(), v.getFilter(), v.getGene(), v.getConsequence(), v.getAf(), fams);
    }
}
