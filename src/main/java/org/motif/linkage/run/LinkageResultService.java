package org.motif.linkage.run;

import static org.motif.db.Tables.LINKAGE_RESULT;
import static org.motif.db.Tables.LINKAGE_RUN;
import static org.motif.db.Tables.LINKAGE_RUN_FAMILY;
import static org.motif.db.Tables.VARIANT;
import static org.motif.db.Tables.VCF_IMPORT;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.motif.base.Problem;
import org.motif.base.ValidationException;
import org.motif.db.tables.records.LinkageRunRecord;
import org.motif.linkage.AlleleFrequencySource;
import org.motif.linkage.DiseaseModel;
import org.motif.linkage.LinkageAnalysis;
import org.motif.linkage.LinkageFamily;
import org.motif.linkage.MarkerLinkage;
import org.motif.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored linkage results for other features (the dataset export): which runs to use, and their results streamed by
 * cursor in import order, joined with the variant rows so the caller can restrict them with its own variant condition.
 */
@Service
@Transactional(readOnly = true)
public class LinkageResultService {
    private static final int FETCH_SIZE = 500;

    private final DSLContext db;
    private final LinkageRunner runner;

    public LinkageResultService(DSLContext db, LinkageRunner runner) {
        this.db = db;
        this.runner = runner;
    }

    /** One analysed family of a stored run: output label (FID or FID#k), PED family id, why it is not analysable (or null). */
    public record RunFamily(String label, String familyId, String problem) {
    }

    /**
     * A finished run with its parameters.
     *
     * @param preset  the preset id, or null for a custom model
     * @param thetas  the θ grid in output order
     * @param families the analysed families in output order (the order of the packed LODs)
     */
    public record StoredRun(long runPk, String runId, long importPk, String importId, String preset, double diseaseAlleleFrequency,
                            double f0, double f1, double f2, double[] thetas, String alleleFrequencies, String filterSet,
                            String softwareVersion, long variants, OffsetDateTime finishedAt, List<RunFamily> families) {
    }

    /**
     * One stored result row with its variant.
     *
     * @param gt      the variant's packed genotype vector, or null when not asked for
     * @param hlodTheta θ at which the HLOD is largest; {@code linkage.alphas()} holds α per θ
     */
    public record StoredResult(long variantPk, long importPk, String contig, String gene, byte[] gt, MarkerLinkage linkage,
                               double hlodTheta) {
    }

    /** Receives result rows one by one. */
    @FunctionalInterface
    public interface ResultVisitor {
        void visit(StoredResult result) throws IOException;
    }

    /**
     * The runs to export.
     *
     * @param runIds    run ids asked for, in the order wanted; empty for the latest finished run of each finished import
     * @param importIds when runIds is empty, only imports with these public ids (null = every import)
     * @throws ValidationException 422 naming each run id that does not exist or is not done
     */
    @RolesAllowed(Role.GENETICIST_NAME)
    public List<StoredRun> runs(List<String> runIds, Collection<String> importIds) {
        List<LinkageRunRecord> records = new ArrayList<>();
        if (!runIds.isEmpty()) {
            Map<String, LinkageRunRecord> found = new HashMap<>();
            db.selectFrom(LINKAGE_RUN).where(LINKAGE_RUN.RUN_ID.in(runIds)).forEach(r -> found.put(r.getRunId(), r));
            List<Problem> problems = new ArrayList<>();
            for (String id : runIds) {
                LinkageRunRecord r = found.get(id);
                if (r == null) problems.add(new Problem(null, "linkageRun", "no linkage run '" + id + "'; list them with GET /api/v1/linkage/runs"));
                else if (!r.getStatus().equals("done")) {
                    problems.add(new Problem(null, "linkageRun", "linkage run '" + id + "' is " + r.getStatus() + "; export it when it is done"));
                } else records.add(r);
            }
            if (!problems.isEmpty()) {
                throw new ValidationException("Export options: " + problems.get(0).message(), problems);
            }
        } else {
            var latest = DSL.select(DSL.max(LINKAGE_RUN.ID)).from(LINKAGE_RUN).join(VCF_IMPORT).on(VCF_IMPORT.ID.eq(LINKAGE_RUN.IMPORT_PK))
                    .where(LINKAGE_RUN.STATUS.eq("done"), VCF_IMPORT.STATUS.eq("done"),
                            importIds == null ? DSL.trueCondition() : VCF_IMPORT.IMPORT_ID.in(importIds))
                    .groupBy(LINKAGE_RUN.IMPORT_PK);
            records.addAll(db.selectFrom(LINKAGE_RUN).where(LINKAGE_RUN.ID.in(latest)).orderBy(LINKAGE_RUN.IMPORT_PK, LINKAGE_RUN.ID).fetch());
        }
        List<StoredRun> out = new ArrayList<>();
        for (LinkageRunRecord r : records) {
            String importId = db.select(VCF_IMPORT.IMPORT_ID).from(VCF_IMPORT).where(VCF_IMPORT.ID.eq(r.getImportPk())).fetchOne(VCF_IMPORT.IMPORT_ID);
            List<RunFamily> families = db.select(LINKAGE_RUN_FAMILY.LABEL, LINKAGE_RUN_FAMILY.FAMILY_ID, LINKAGE_RUN_FAMILY.PROBLEM)
                    .from(LINKAGE_RUN_FAMILY).where(LINKAGE_RUN_FAMILY.RUN_PK.eq(r.getId())).orderBy(LINKAGE_RUN_FAMILY.FAMILY_INDEX)
                    .fetch(f -> new RunFamily(f.value1(), f.value2(), f.value3()));
            out.add(new StoredRun(r.getId(), r.getRunId(), r.getImportPk(), importId, r.getPreset(), r.getDiseaseAlleleFrequency(),
                    r.getF0(), r.getF1(), r.getF2(), LinkageRunner.thetas(r.getThetas()), r.getAlleleFrequencies(), r.getFilterSet(),
                    r.getSoftwareVersion(), r.getVariants(), r.getFinishedAt(), families));
        }
        return out;
    }

    /** Ids of the finished runs of finished imports, newest first. */
    @RolesAllowed(Role.GENETICIST_NAME)
    public List<String> finishedRunIds() {
        return db.select(LINKAGE_RUN.RUN_ID).from(LINKAGE_RUN).join(VCF_IMPORT).on(VCF_IMPORT.ID.eq(LINKAGE_RUN.IMPORT_PK))
                .where(LINKAGE_RUN.STATUS.eq("done"), VCF_IMPORT.STATUS.eq("done")).orderBy(LINKAGE_RUN.ID.desc()).fetch(LINKAGE_RUN.RUN_ID);
    }

    /**
     * Number of result rows of a run whose variant passes {@code variantCondition}.
     *
     * @param variantCondition a condition on {@code variant} and {@code vcf_import} (both joined)
     */
    @RolesAllowed(Role.GENETICIST_NAME)
    public long count(StoredRun run, Condition variantCondition) {
        return db.fetchCount(db.select(LINKAGE_RESULT.ID).from(LINKAGE_RESULT).join(VARIANT).on(VARIANT.ID.eq(LINKAGE_RESULT.VARIANT_PK))
                .join(VCF_IMPORT).on(VCF_IMPORT.ID.eq(VARIANT.IMPORT_PK)).where(LINKAGE_RESULT.RUN_PK.eq(run.runPk()), variantCondition));
    }

    /**
     * Streams the results of a run in import order (by cursor: memory does not grow with the run).
     *
     * @param variantCondition a condition on {@code variant} and {@code vcf_import} (both joined)
     * @param withGenotypes    whether to read each variant's genotype vector (for row tests such as a filter set's family filter)
     */
    @RolesAllowed(Role.GENETICIST_NAME)
    public void forEach(StoredRun run, Condition variantCondition, boolean withGenotypes, ResultVisitor visitor) throws IOException {
        List<String> labels = run.families().stream().map(RunFamily::label).toList();
        var fields = new ArrayList<org.jooq.SelectField<?>>(List.of(LINKAGE_RESULT.VARIANT_PK, VARIANT.IMPORT_PK, VARIANT.CONTIG, VARIANT.GENE,
                LINKAGE_RESULT.VARIANT, LINKAGE_RESULT.ALT_FREQUENCY, LINKAGE_RESULT.STATUSES, LINKAGE_RESULT.LODS, LINKAGE_RESULT.HLODS,
                LINKAGE_RESULT.HLOD_THETA));
        if (withGenotypes) fields.add(VARIANT.GT);
        try (var cursor = db.select(fields).from(LINKAGE_RESULT).join(VARIANT).on(VARIANT.ID.eq(LINKAGE_RESULT.VARIANT_PK))
                .join(VCF_IMPORT).on(VCF_IMPORT.ID.eq(VARIANT.IMPORT_PK)).where(LINKAGE_RESULT.RUN_PK.eq(run.runPk()), variantCondition)
                .orderBy(LINKAGE_RESULT.ORDINAL).fetchSize(FETCH_SIZE).fetchLazy()) {
            for (Record x : cursor) {
                MarkerLinkage m = LinkageResultCodec.decode(x.get(LINKAGE_RESULT.VARIANT), x.get(LINKAGE_RESULT.ALT_FREQUENCY), run.thetas(),
                        labels, x.get(LINKAGE_RESULT.STATUSES), x.get(LINKAGE_RESULT.LODS), x.get(LINKAGE_RESULT.HLODS));
                visitor.visit(new StoredResult(x.get(LINKAGE_RESULT.VARIANT_PK), x.get(VARIANT.IMPORT_PK), x.get(VARIANT.CONTIG),
                        x.get(VARIANT.GENE), withGenotypes ? x.get(VARIANT.GT) : null, m, x.get(LINKAGE_RESULT.HLOD_THETA)));
            }
        }
    }

    /**
     * Which family label of a run a person's LODs are under.
     *
     * @param whole        family id → label for families scored as one group
     * @param splitMembers participant id → FID#k for members of families split into unconnected groups
     */
    public record FamilyLabels(Map<String, String> whole, Map<String, String> splitMembers) {
        /** @return the label of this participant's group in the run, or null when the run did not score it */
        public String label(String participantId, String familyId) {
            String l = whole.get(familyId);
            return l != null ? l : splitMembers.get(participantId);
        }
    }

    /**
     * The family labels of a run by person. Families scored as one group map by family id; for families split into
     * unconnected groups the groups are formed again from the current pedigree (as the run formed them), and a group
     * whose label the run does not have (the pedigree changed since) is left out.
     */
    @RolesAllowed(Role.GENETICIST_NAME)
    public FamilyLabels familyLabels(StoredRun run) {
        Map<String, String> whole = new HashMap<>();
        Map<String, Integer> groups = new HashMap<>();
        for (RunFamily f : run.families()) {
            whole.put(f.familyId(), f.label());
            groups.merge(f.familyId(), 1, Integer::sum);
        }
        whole.keySet().removeIf(id -> groups.get(id) > 1);
        Map<String, String> split = new HashMap<>();
        if (whole.size() < groups.size()) {
            try {
                LinkageRunner.Input in = runner.input(run.importPk());
                var labels = run.families().stream().map(RunFamily::label).collect(java.util.stream.Collectors.toSet());
                LinkageAnalysis analysis = LinkageAnalysis.prepare(in.pedigree(), in.sampleIds(),
                        new DiseaseModel(run.diseaseAlleleFrequency(), run.f0(), run.f1(), run.f2()), Arrays.stream(run.thetas()).boxed().toList(),
                        AlleleFrequencySource.fromApi(run.alleleFrequencies()));
                for (LinkageFamily f : analysis.families()) {
                    if (groups.getOrDefault(f.familyId(), 0) > 1 && labels.contains(f.label())) {
                        for (String id : f.memberIds()) split.put(id, f.label());
                    }
                }
            } catch (IllegalArgumentException e) {
                // the pedigree can no longer be prepared as it was: members of split families get no label
            }
        }
        return new FamilyLabels(whole, split);
    }
}
