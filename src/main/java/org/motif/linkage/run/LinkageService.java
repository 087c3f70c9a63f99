package org.motif.linkage.run;

import static org.motif.db.Tables.LINKAGE_RESULT;
import static org.motif.db.Tables.LINKAGE_RUN;
import static org.motif.db.Tables.LINKAGE_RUN_FAMILY;
import static org.motif.db.Tables.FAMILY;
import static org.motif.db.Tables.PARTICIPANT;
import static org.motif.db.Tables.VARIANT;
import static org.motif.db.Tables.VCF_IMPORT;
import static org.motif.db.Tables.VCF_SAMPLE;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import jakarta.annotation.security.RolesAllowed;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.motif.base.ConflictException;
import org.motif.base.Jobs;
import org.motif.base.NotFoundException;
import org.motif.base.Problem;
import org.motif.base.ValidationException;
import org.motif.db.tables.records.LinkageRunRecord;
import org.motif.db.tables.records.VcfImportRecord;
import org.motif.genomics.FilterSetService;
import org.motif.genomics.VariantQueryService.VariantQuery;
import org.motif.genomics.VariantSelectionService;
import org.motif.linkage.AlleleFrequencySource;
import org.motif.linkage.DiseaseModel;
import org.motif.linkage.LinkagePresets;
import org.motif.linkage.LodTsvWriter;
import org.motif.linkage.MarkerLinkage;
import org.motif.security.CurrentUser;
import org.motif.security.Role;
import org.motif.security.audit.AuditService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Linkage runs: validate and queue a run (db-scheduler task, {@link LinkageRunner}), report on it, cancel it, list
 * its results by max LOD, and write its {@code lods.tsv} / {@code hlod.tsv} with the science's {@link LodTsvWriter}.
 */
@Service
@Transactional
public class LinkageService {
    /** Version of the scoring (likelihood, flooring, HLOD grid, family formation); stored with every run. */
    public static final String SCORING_VERSION = "two-point-peeling-1";
    /** Motif's version as stored with runs. */
    public static final String MOTIF_VERSION = motifVersion();

    private final DSLContext db;
    private final ObjectMapper json;
    private final AuditService audit;
    private final Jobs jobs;
    private final OneTimeTask<String> task;
    private final LinkagePresets presets;
    private final FilterSetService filterSets;
    private final VariantSelectionService selections;

    public LinkageService(DSLContext db, ObjectMapper json, AuditService audit, Jobs jobs,
                          @Qualifier("linkageRunTask") OneTimeTask<String> linkageRunTask, FilterSetService filterSets,
                          VariantSelectionService selections) {
        this.db = db;
        this.filterSets = filterSets;
        this.selections = selections;
        this.json = json;
        this.audit = audit;
        this.jobs = jobs;
        this.task = linkageRunTask;
        try (InputStream in = LinkageService.class.getResourceAsStream("/genomics/linkage-models.yaml")) {
            if (in == null) throw new IllegalStateException("genomics/linkage-models.yaml is missing from the classpath");
            this.presets = LinkagePresets.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String motifVersion() {
        String v = LinkageService.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }

    /** The presets and default θ grid of genomics/linkage-models.yaml. */
    public LinkagePresets presets() {
        return presets;
    }

    /**
     * A run request (API body of {@code POST /linkage/runs}). {@code preset} is optional: it supplies the model when
     * q and penetrances are absent; {@code thetas} null means the default grid; {@code alleleFrequencies} null means
     * {@code founders}.
     */
    public record StartRequest(String preset, Double diseaseAlleleFrequency, List<Double> penetrances, List<Double> thetas,
                               String alleleFrequencies, String importId, String filterSet) {
    }

    /** 202 {id, status}. */
    public record Started(String id, String status) {
    }

    /**
     * Validates and queues a run.
     *
     * @throws ValidationException 422 naming every bad field (model, thetas, alleleFrequencies, importId, filterSet)
     * @throws ConflictException   409 when the import is not done
     */
    @RolesAllowed(Role.GENETICIST_NAME)
    public Started start(StartRequest req) {
        List<Problem> problems = new ArrayList<>();
        String presetId = req.preset() == null || req.preset().isBlank() ? null : req.preset().trim();
        Double q = req.diseaseAlleleFrequency();
        List<Double> pen = req.penetrances();
        if (presetId != null) {
            try {
                DiseaseModel m = presets.preset(presetId).model();
                if (q == null) q = m.diseaseAlleleFrequency();
                if (pen == null) pen = List.of(m.f0(), m.f1(), m.f2());
                if (q != m.diseaseAlleleFrequency() || !pen.equals(List.of(m.f0(), m.f1(), m.f2()))) presetId = null;
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(null, "model.preset", e.getMessage()));
            }
        }
        if (q == null) problems.add(new Problem(null, "model.diseaseAlleleFrequency", "missing: give the disease allele frequency q, 0 < q < 1 (e.g. 0.0001)"));
        else if (!(q > 0 && q < 1)) problems.add(new Problem(null, "model.diseaseAlleleFrequency", "must be between 0 and 1 (exclusive), not " + q));
        if (pen == null) problems.add(new Problem(null, "model.penetrances", "missing: give three penetrances [f0, f1, f2], each between 0 and 1"));
        else if (pen.size() != 3 || pen.stream().anyMatch(f -> f == null || !(f >= 0 && f <= 1))) {
            problems.add(new Problem(null, "model.penetrances", "must be three numbers [f0, f1, f2], each between 0 and 1, not " + pen));
        }
        List<Double> thetas = req.thetas() == null ? presets.thetas() : req.thetas();
        if (thetas.isEmpty() || thetas.size() > 51) problems.add(new Problem(null, "thetas", "give between 1 and 51 recombination fractions"));
        else if (thetas.stream().anyMatch(t -> t == null || !(t >= 0 && t <= 0.5))) {
            problems.add(new Problem(null, "thetas", "each θ must be between 0 and 0.5, not " + thetas));
        } else if (thetas.stream().distinct().count() != thetas.size()) {
            problems.add(new Problem(null, "thetas", "θ values must not repeat: " + thetas));
        }
        String freqs = req.alleleFrequencies() == null ? "founders" : req.alleleFrequencies().trim().toLowerCase();
        try {
            AlleleFrequencySource.fromApi(freqs);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(null, "alleleFrequencies", "must be founders, all or info, not '" + req.alleleFrequencies() + "'"));
        }
        VcfImportRecord imp = null;
        if (req.importId() == null || req.importId().isBlank()) {
            problems.add(new Problem(null, "importId", "missing: give the id of a finished VCF import (GET /api/v1/vcf-imports)"));
        } else {
            imp = db.selectFrom(VCF_IMPORT).where(VCF_IMPORT.IMPORT_ID.eq(req.importId())).fetchOne();
            if (imp == null) problems.add(new Problem(null, "importId", "no VCF import '" + req.importId() + "'; list them with GET /api/v1/vcf-imports"));
        }
        String filterSetName = req.filterSet() == null || req.filterSet().isBlank() ? null : req.filterSet().trim();
        VariantQuery filter = null;
        if (filterSetName != null) {
            filter = filterSets.find(filterSetName).map(FilterSetService.FilterSet::filter).orElse(null);
            if (filter == null) {
                problems.add(new Problem(null, "filterSet", "no filter set '" + filterSetName + "'; list them with GET /api/v1/variants/filter-sets, "
                        + "or leave filterSet out to score every variant of the import"));
            } else {
                if (imp != null && filter.importId() != null && !filter.importId().isBlank() && !filter.importId().equals(imp.getImportId())) {
                    problems.add(new Problem(null, "filterSet", "filter set '" + filterSetName + "' selects variants of import " + filter.importId()
                            + ", not of " + imp.getImportId() + "; choose that import or a filter set without an import"));
                }
                if (filter.family() != null && !filter.family().isBlank() && !db.fetchExists(FAMILY, FAMILY.FAMILY_ID.eq(filter.family()))) {
                    problems.add(new Problem(null, "filterSet", "filter set '" + filterSetName + "' keeps variants carried in family "
                            + filter.family() + ", which does not exist"));
                }
                try {
                    selections.condition(filter);
                } catch (ValidationException e) {
                    problems.add(new Problem(null, "filterSet", "filter set '" + filterSetName + "': " + e.getMessage()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("The linkage run was not started: " + problems.stream().map(Problem::toString)
                    .collect(Collectors.joining("; ")), problems);
        }
        if (!imp.getStatus().equals("done")) {
            throw new ConflictException("Import " + imp.getImportId() + " is " + imp.getStatus() + "; start linkage when it is done.");
        }
        String id = "lr-" + UUID.randomUUID().toString().substring(0, 8);
        String thetaCsv = thetas.stream().map(LodTsvWriter::formatNumber).collect(Collectors.joining(","));
        String actor = CurrentUser.actor();
        db.insertInto(LINKAGE_RUN).set(LINKAGE_RUN.RUN_ID, id).set(LINKAGE_RUN.IMPORT_PK, imp.getId())
                .set(LINKAGE_RUN.PRESET, presetId).set(LINKAGE_RUN.DISEASE_ALLELE_FREQUENCY, q)
                .set(LINKAGE_RUN.F0, pen.get(0)).set(LINKAGE_RUN.F1, pen.get(1)).set(LINKAGE_RUN.F2, pen.get(2))
                .set(LINKAGE_RUN.THETAS, thetaCsv).set(LINKAGE_RUN.ALLELE_FREQUENCIES, freqs)
                .set(LINKAGE_RUN.SOFTWARE_VERSION, "motif " + MOTIF_VERSION + "; " + SCORING_VERSION)
                .set(LINKAGE_RUN.FILTER_SET, filterSetName).set(LINKAGE_RUN.SELECTION, filter == null ? null : selectionJson(filterSetName, filter))
                .set(LINKAGE_RUN.STATUS, "queued").set(LINKAGE_RUN.CREATED_BY, actor).execute();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("importId", imp.getImportId());
        details.put("model", presetId != null ? presetId : "q=" + q + " f=" + pen);
        details.put("thetas", thetaCsv);
        details.put("alleleFrequencies", freqs);
        if (filterSetName != null) details.put("filterSet", filterSetName);
        audit.record("linkage_run.start", "linkage_run", id, details);
        jobs.scheduleAfterCommit(task, id);
        return new Started(id, "queued");
    }

    /** The run's selection as stored until the job replaces it: the filter set's filter, copied so the run can be reproduced. */
    private String selectionJson(String name, VariantQuery filter) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filterSet", name);
        m.put("filter", filter);
        try {
            return json.writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One run as API.md's job object. @throws NotFoundException for an unknown id */
    @RolesAllowed(Role.GENETICIST_NAME)
    @Transactional(readOnly = true)
    public LinkageRunView get(String runId) {
        return view(find(runId));
    }

    /** All runs, newest first. */
    @RolesAllowed(Role.GENETICIST_NAME)
    @Transactional(readOnly = true)
    public List<LinkageRunView> list() {
        return db.selectFrom(LINKAGE_RUN).orderBy(LINKAGE_RUN.ID.desc()).fetch().map(this::view);
    }

    /** Cancels a queued or running run (DELETE); the job rolls back what it wrote. Finished runs are left alone. */
    @RolesAllowed(Role.GENETICIST_NAME)
    public LinkageRunView cancel(String runId) {
        LinkageRunRecord r = find(runId);
        if (jobs.cancel(LinkageRunTaskConfig.JOB, r.getId())) {
            audit.record("linkage_run.cancel", "linkage_run", runId, Map.of());
        }
        return view(find(runId));
    }

    /** One variant's result row for the results grid. maxLod/maxHlod null where −∞. */
    public record ResultRow(int ordinal, String variant, double altFrequency, Double maxLod, double thetaAtMax,
                            Double maxHlod, double hlodTheta, double hlodAlpha) {
    }

    /** Results of a done run sorted by max LOD (highest first, −∞ last), a page for a lazy grid. */
    @RolesAllowed(Role.GENETICIST_NAME)
    @Transactional(readOnly = true)
    public List<ResultRow> results(String runId, int offset, int limit) {
        LinkageRunRecord r = find(runId);
        return db.select(LINKAGE_RESULT.ORDINAL, LINKAGE_RESULT.VARIANT, LINKAGE_RESULT.ALT_FREQUENCY, LINKAGE_RESULT.MAX_LOD,
                        LINKAGE_RESULT.THETA_AT_MAX, LINKAGE_RESULT.MAX_HLOD, LINKAGE_RESULT.HLOD_THETA, LINKAGE_RESULT.HLOD_ALPHA)
                .from(LINKAGE_RESULT).where(LINKAGE_RESULT.RUN_PK.eq(r.getId()))
                .orderBy(LINKAGE_RESULT.MAX_LOD.desc().nullsLast(), LINKAGE_RESULT.ORDINAL)
                .offset(offset).limit(limit).fetch(x -> new ResultRow(x.value1(), x.value2(), x.value3(), x.value4(), x.value5(),
                        x.value6(), x.value7(), x.value8()));
    }

    /** Number of result rows of a run. */
    @RolesAllowed(Role.GENETICIST_NAME)
    @Transactional(readOnly = true)
    public int resultCount(String runId) {
        return db.fetchCount(LINKAGE_RESULT, LINKAGE_RESULT.RUN_PK.eq(find(runId).getId()));
    }

    /** The full results of one variant of a run (per family LODs, ALL, HLOD), or null if the run has no such row. */
    @RolesAllowed(Role.GENETICIST_NAME)
    @Transactional(readOnly = true)
    public MarkerLinkage result(String runId, int ordinal) {
        LinkageRunRecord r = find(runId);
        Record x = db.select(LINKAGE_RESULT.VARIANT, LINKAGE_RESULT.ALT_FREQUENCY, LINKAGE_RESULT.STATUSES, LINKAGE_RESULT.LODS,
                        LINKAGE_RESULT.HLODS).from(LINKAGE_RESULT)
                .where(LINKAGE_RESULT.RUN_PK.eq(r.getId())).and(LINKAGE_RESULT.ORDINAL.eq(ordinal)).fetchOne();
        if (x == null) return null;
        return LinkageResultCodec.decode(x.get(LINKAGE_RESULT.VARIANT), x.get(LINKAGE_RESULT.ALT_FREQUENCY),
                LinkageRunner.thetas(r.getThetas()), labels(r.getId()), x.get(LINKAGE_RESULT.STATUSES),
                x.get(LINKAGE_RESULT.LODS), x.get(LINKAGE_RESULT.HLODS));
    }

    /**
     * Genotypes of one family at one result row, for the pedigree view: participant id → {@code 0/0}, {@code 0/1},
     * {@code 1/1} or {@code ./.}; people without a sample in the import are absent.
     */
    @RolesAllowed(Role.GENETICIST_NAME)
    @Transactional(readOnly = true)
    public Map<String, String> genotypes(String runId, int ordinal, String familyId) {
        LinkageRunRecord r = find(runId);
        Long variantPk = db.select(LINKAGE_RESULT.VARIANT_PK).from(LINKAGE_RESULT)
                .where(LINKAGE_RESULT.RUN_PK.eq(r.getId())).and(LINKAGE_RESULT.ORDINAL.eq(ordinal)).fetchOne(LINKAGE_RESULT.VARIANT_PK);
        Map<String, String> out = new LinkedHashMap<>();
        if (variantPk == null) return out;
        byte[] gt = db.select(VARIANT.GT).from(VARIANT).where(VARIANT.ID.eq(variantPk)).fetchOne(VARIANT.GT);
        if (gt == null) return out;
        db.select(VCF_SAMPLE.COLUMN_INDEX, PARTICIPANT.PARTICIPANT_ID).from(VCF_SAMPLE)
                .join(PARTICIPANT).on(PARTICIPANT.ID.eq(VCF_SAMPLE.PARTICIPANT_PK))
                .join(FAMILY).on(FAMILY.ID.eq(PARTICIPANT.FAMILY_PK))
                .where(VCF_SAMPLE.IMPORT_PK.eq(r.getImportPk())).and(FAMILY.FAMILY_ID.eq(familyId))
                .and(PARTICIPANT.WITHDRAWN_AT.isNull())
                .orderBy(PARTICIPANT.PARTICIPANT_ID)
                .forEach(x -> out.put(x.value2(), switch (gt[x.value1()]) {
                    case 0 -> "0/0";
                    case 1 -> "0/1";
                    case 2 -> "1/1";
                    default -> "./.";
                }));
        return out;
    }

    /**
     * Checks that the run exists and is done, so a TSV can be streamed.
     *
     * @throws NotFoundException 404 for an unknown run
     * @throws ConflictException 409 while it is not done
     */
    @RolesAllowed(Role.GENETICIST_NAME)
    @Transactional(readOnly = true)
    public void requireDone(String runId) {
        LinkageRunRecord r = find(runId);
        if (!r.getStatus().equals("done")) {
            throw new ConflictException("Linkage run " + runId + " is " + r.getStatus() + "; results are available when it is done.");
        }
    }

    /** Writes lods.tsv (header, then per variant in import order its family × θ rows and ALL rows). */
    @RolesAllowed(Role.GENETICIST_NAME)
    @Transactional(readOnly = true)
    public void writeLods(String runId, Writer out) throws IOException {
        write(runId, out, false);
    }

    /** Writes hlod.tsv (header, then per variant in import order one row per θ). */
    @RolesAllowed(Role.GENETICIST_NAME)
    @Transactional(readOnly = true)
    public void writeHlod(String runId, Writer out) throws IOException {
        write(runId, out, true);
    }

    private void write(String runId, Writer out, boolean hlod) throws IOException {
        requireDone(runId);
        LinkageRunRecord r = find(runId);
        double[] thetas = LinkageRunner.thetas(r.getThetas());
        List<String> labels = labels(r.getId());
        out.append(hlod ? LodTsvWriter.HLOD_HEADER : LodTsvWriter.LODS_HEADER);
        int last = -1;
        while (true) {
            var rows = db.select(LINKAGE_RESULT.ORDINAL, LINKAGE_RESULT.VARIANT, LINKAGE_RESULT.ALT_FREQUENCY, LINKAGE_RESULT.STATUSES,
                            LINKAGE_RESULT.LODS, LINKAGE_RESULT.HLODS).from(LINKAGE_RESULT)
                    .where(LINKAGE_RESULT.RUN_PK.eq(r.getId())).and(LINKAGE_RESULT.ORDINAL.gt(last))
                    .orderBy(LINKAGE_RESULT.ORDINAL).limit(5000).fetch();
            if (rows.isEmpty()) break;
            for (var x : rows) {
                last = x.value1();
                MarkerLinkage m = LinkageResultCodec.decode(x.value2(), x.value3(), thetas, labels, x.value4(), x.value5(), x.value6());
                if (hlod) LodTsvWriter.writeHlodRows(out, m);
                else LodTsvWriter.writeLodRows(out, m);
            }
        }
        out.flush();
    }

    private List<String> labels(long runPk) {
        return db.select(LINKAGE_RUN_FAMILY.LABEL).from(LINKAGE_RUN_FAMILY).where(LINKAGE_RUN_FAMILY.RUN_PK.eq(runPk))
                .orderBy(LINKAGE_RUN_FAMILY.FAMILY_INDEX).fetch(LINKAGE_RUN_FAMILY.LABEL);
    }

    private LinkageRunRecord find(String runId) {
        LinkageRunRecord r = db.selectFrom(LINKAGE_RUN).where(LINKAGE_RUN.RUN_ID.eq(runId)).fetchOne();
        if (r == null) throw new NotFoundException("No linkage run '" + runId + "'; start one with POST /api/v1/linkage/runs.");
        return r;
    }

    private LinkageRunView view(LinkageRunRecord r) {
        String importId = db.select(VCF_IMPORT.IMPORT_ID).from(VCF_IMPORT).where(VCF_IMPORT.ID.eq(r.getImportPk())).fetchOne(VCF_IMPORT.IMPORT_ID);
        List<LinkageRunView.Family> families = db.selectFrom(LINKAGE_RUN_FAMILY).where(LINKAGE_RUN_FAMILY.RUN_PK.eq(r.getId()))
                .orderBy(LINKAGE_RUN_FAMILY.FAMILY_INDEX).fetch(f -> new LinkageRunView.Family(f.getLabel(), f.getFamilyId(),
                        f.getMembers(), f.getGenotyped(), f.getProblem() == null, f.getProblem()));
        Map<String, Object> selection;
        try {
            selection = r.getSelection() == null ? Map.of() : json.readValue(r.getSelection(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            selection = Map.of();
        }
        boolean done = r.getStatus().equals("done");
        return new LinkageRunView(r.getRunId(), r.getStatus(), r.getProgress(), importId,
                new LinkageRunView.Model(r.getPreset(), r.getDiseaseAlleleFrequency(), List.of(r.getF0(), r.getF1(), r.getF2())),
                Arrays.stream(LinkageRunner.thetas(r.getThetas())).boxed().toList(), r.getAlleleFrequencies(), r.getFilterSet(),
                done ? r.getVariants() : 0, r.getVariantsTotal(), families, selection, r.getSoftwareVersion(), r.getError(),
                r.getCreatedBy(), r.getCreatedAt(), r.getStartedAt(), r.getFinishedAt());
    }
}
