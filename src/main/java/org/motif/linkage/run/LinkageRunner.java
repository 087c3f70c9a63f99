package org.motif.linkage.run;

import static org.motif.db.Tables.FAMILY;
import static org.motif.db.Tables.LINKAGE_RUN;
import static org.motif.db.Tables.PARTICIPANT;
import static org.motif.db.Tables.PHENOTYPE_RECORD;
import static org.motif.db.Tables.VARIANT;
import static org.motif.db.Tables.VCF_SAMPLE;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.motif.base.Jobs;
import org.motif.base.MotifException;
import org.motif.base.PgBinaryCopy;
import org.jooq.Record;
import org.motif.db.tables.records.LinkageRunRecord;
import org.motif.genomics.Contigs;
import org.motif.genomics.VariantQueryService.VariantQuery;
import org.motif.genomics.VariantSelectionService;
import org.motif.linkage.AlleleFrequencySource;
import org.motif.linkage.DiseaseModel;
import org.motif.linkage.LinkageAnalysis;
import org.motif.linkage.LinkageFamily;
import org.motif.linkage.LinkageIndividual;
import org.motif.linkage.LinkagePedigree;
import org.motif.linkage.MarkerGenotypes;
import org.motif.linkage.MarkerLinkage;
import org.springframework.stereotype.Component;

/**
 * Runs one linkage run (called by the db-scheduler task "linkage-run"): builds the pedigree of the families with a
 * sample in the import (withdrawn participants left out: their genotypes and phenotypes are not used, their place in
 * the pedigree stays as an unknown person so relatives stay connected), reads the import's variants in chunks, scores
 * them with {@link LinkageAnalysis} on all cores, and writes one {@code linkage_result} row per variant (PostgreSQL
 * COPY, batched inserts elsewhere) in ONE transaction on its own connection. A failure or a cancel rolls it back; the
 * job bookkeeping (claim, progress and cancel, done/failed/cancelled) is {@link Jobs}'.
 */
@Component
public class LinkageRunner {
    static final int CHUNK = 4000;
    private static final String NO_SAMPLE = "\u0000";

    private final DSLContext db;
    private final Jobs jobs;
    private final ObjectMapper json;
    private final VariantSelectionService selections;

    public LinkageRunner(DSLContext db, Jobs jobs, ObjectMapper json, VariantSelectionService selections) {
        this.db = db;
        this.jobs = jobs;
        this.json = json;
        this.selections = selections;
    }

    /** Runs the run with this public id; never throws (the outcome is stored in linkage_run, see {@link Jobs#run}). */
    public void run(String runId) {
        jobs.run(LinkageRunTaskConfig.JOB, runId, (run, progress) -> {
            try {
                return analyse(run, progress);
            } catch (IllegalArgumentException e) { // the analysis refuses the pedigree or the model: the user can fix that
                throw new MotifException("The linkage run could not be done: " + e.getMessage()
                        + ". Correct the pedigree or the run's settings and start a new run.");
            }
        });
    }

    /** What the scoring transaction wrote: result rows, and variants read (those the filter set selects, if any). */
    private record Scored(long written, long variantsRead) {
    }

    /** The pedigree and sample ids of a run: what {@link LinkageAnalysis#prepare} needs. */
    record Input(LinkagePedigree pedigree, List<String> sampleIds, int samples, int samplesUsed, List<String> withdrawn) {
    }

    /** Reads the families with a (non-withdrawn) matched sample in the import, with the latest affection of each person. */
    Input input(long importPk) {
        List<? extends Record> samples = db.select(VCF_SAMPLE.COLUMN_INDEX, VCF_SAMPLE.PARTICIPANT_PK, PARTICIPANT.PARTICIPANT_ID,
                        PARTICIPANT.FAMILY_PK, PARTICIPANT.WITHDRAWN_AT)
                .from(VCF_SAMPLE).leftJoin(PARTICIPANT).on(PARTICIPANT.ID.eq(VCF_SAMPLE.PARTICIPANT_PK))
                .where(VCF_SAMPLE.IMPORT_PK.eq(importPk)).orderBy(VCF_SAMPLE.COLUMN_INDEX).fetch();
        List<String> sampleIds = new ArrayList<>();
        Set<Long> familyPks = new HashSet<>();
        int used = 0;
        for (Record s : samples) {
            String pid = s.get(PARTICIPANT.PARTICIPANT_ID);
            if (pid != null && s.get(PARTICIPANT.WITHDRAWN_AT) == null) {
                sampleIds.add(pid);
                familyPks.add(s.get(PARTICIPANT.FAMILY_PK));
                used++;
            } else {
                sampleIds.add(NO_SAMPLE);
            }
        }
        var p = PARTICIPANT.as("p");
        var father = PARTICIPANT.as("father");
        var mother = PARTICIPANT.as("mother");
        List<? extends Record> people = db.select(FAMILY.FAMILY_ID, p.ID, p.PARTICIPANT_ID, father.PARTICIPANT_ID, mother.PARTICIPANT_ID, p.SEX, p.WITHDRAWN_AT)
                .from(p).join(FAMILY).on(FAMILY.ID.eq(p.FAMILY_PK))
                .leftJoin(father).on(father.ID.eq(p.FATHER_PK)).leftJoin(mother).on(mother.ID.eq(p.MOTHER_PK))
                .where(p.FAMILY_PK.in(familyPks)).orderBy(FAMILY.FAMILY_ID, p.ID).fetch();
        Map<Long, String> affection = new HashMap<>();
        db.select(PHENOTYPE_RECORD.PARTICIPANT_PK, PHENOTYPE_RECORD.AFFECTION).from(PHENOTYPE_RECORD)
                .join(PARTICIPANT).on(PARTICIPANT.ID.eq(PHENOTYPE_RECORD.PARTICIPANT_PK))
                .where(PARTICIPANT.FAMILY_PK.in(familyPks))
                .orderBy(PHENOTYPE_RECORD.RECORDED_ON.desc(), PHENOTYPE_RECORD.ID.desc())
                .forEach(r -> affection.putIfAbsent(r.value1(), r.value2()));
        List<LinkageIndividual> individuals = new ArrayList<>();
        List<String> withdrawn = new ArrayList<>();
        for (Record r : people) {
            if (r.get(p.WITHDRAWN_AT) != null) {
                withdrawn.add(r.get(p.PARTICIPANT_ID));
                continue; // left out; named as a parent by a child, the analysis adds an unknown founder in their place
            }
            LinkageIndividual.Sex sex = switch (r.get(p.SEX)) {
                case "male" -> LinkageIndividual.Sex.MALE;
                case "female" -> LinkageIndividual.Sex.FEMALE;
                default -> LinkageIndividual.Sex.UNKNOWN;
            };
            LinkageIndividual.Affection aff = switch (affection.getOrDefault(r.get(p.ID), "unknown")) {
                case "affected" -> LinkageIndividual.Affection.AFFECTED;
                case "unaffected" -> LinkageIndividual.Affection.UNAFFECTED;
                default -> LinkageIndividual.Affection.UNKNOWN;
            };
            individuals.add(new LinkageIndividual(r.get(FAMILY.FAMILY_ID), r.get(p.PARTICIPANT_ID),
                    r.get(father.PARTICIPANT_ID), r.get(mother.PARTICIPANT_ID), sex, aff));
        }
        return new Input(new LinkagePedigree(individuals), sampleIds, samples.size(), used, withdrawn);
    }

    static double[] thetas(String csv) {
        String[] parts = csv.split(",");
        double[] t = new double[parts.length];
        for (int i = 0; i < parts.length; i++) t[i] = Double.parseDouble(parts[i].trim());
        return t;
    }

    private Jobs.Done analyse(LinkageRunRecord run, Jobs.Progress progress) throws Exception {
        Input in = input(run.getImportPk());
        DiseaseModel model = new DiseaseModel(run.getDiseaseAlleleFrequency(), run.getF0(), run.getF1(), run.getF2());
        AlleleFrequencySource source = AlleleFrequencySource.fromApi(run.getAlleleFrequencies());
        LinkageAnalysis analysis = LinkageAnalysis.prepare(in.pedigree(), in.sampleIds(), model,
                java.util.Arrays.stream(thetas(run.getThetas())).boxed().toList(), source);
        // a filter set: its filter as copied at the start (LinkageService), applied within the run's import
        VariantQuery filter = run.getFilterSet() == null ? null : storedFilter(run);
        Condition selected = VARIANT.IMPORT_PK.eq(run.getImportPk()).and(filter == null ? DSL.trueCondition() : selections.condition(filter));
        VariantSelectionService.Segregator segregator = selections.segregator(Set.of());
        long total = db.fetchCount(VARIANT, selected);
        db.update(LINKAGE_RUN).set(LINKAGE_RUN.VARIANTS_TOTAL, total).set(LINKAGE_RUN.FAMILIES, analysis.families().size())
                .where(LINKAGE_RUN.ID.eq(run.getId())).execute();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        Scored scored = jobs.inOwnTransaction(con -> {
            long written = 0;
            long seen = 0;
            long notSelected = 0;
            insertFamilies(con, run.getId(), analysis, in);
            try (ResultWriter writer = PgBinaryCopy.isPostgres(con) ? new CopyWriter(con) : new BatchWriter(con)) {
                long lastId = -1;
                while (true) {
                    var rows = db.select(VARIANT.ID, VARIANT.CONTIG, VARIANT.POSITION, VARIANT.REF, VARIANT.ALT, VARIANT.AF, VARIANT.GT)
                            .from(VARIANT).where(selected).and(VARIANT.ID.gt(lastId))
                            .orderBy(VARIANT.ID).limit(CHUNK).fetch();
                    if (rows.isEmpty()) break;
                    List<MarkerGenotypes> markers = new ArrayList<>(rows.size());
                    List<Long> pks = new ArrayList<>(rows.size());
                    for (var r : rows) {
                        lastId = r.value1();
                        seen++;
                        if (filter != null && !segregator.matches(filter, run.getImportPk(), r.value2(), r.value7())) {
                            notSelected++; // the filter set's family filter: not selected, not "skipped"
                            continue;
                        }
                        if (!Contigs.isAutosome(r.value2())) {
                            skipped.merge("not_autosomal", 1, Integer::sum);
                            continue;
                        }
                        Double af = r.value6();
                        if (source == AlleleFrequencySource.INFO && af == null) {
                            skipped.merge("no_info_af", 1, Integer::sum);
                            continue;
                        }
                        byte[] gt = r.value7();
                        byte[] dos = new byte[gt.length];
                        for (int i = 0; i < gt.length; i++) dos[i] = gt[i] == 3 ? MarkerGenotypes.MISSING : gt[i];
                        markers.add(new MarkerGenotypes(r.value2() + ":" + r.value3() + ":" + r.value4() + ":" + r.value5(),
                                dos, af == null ? Double.NaN : af));
                        pks.add(r.value1());
                    }
                    List<MarkerLinkage> results = analysis.analyseAll(markers, threads);
                    for (int i = 0; i < results.size(); i++) {
                        writer.write(run.getId(), (int) written, pks.get(i), results.get(i));
                        written++;
                    }
                    progress.report(Math.min(0.99, seen / (double) Math.max(1, total)));
                }
            }
            progress.report(0.99);
            return new Scored(written, seen - notSelected);
        });
        Map<String, Object> selection = new LinkedHashMap<>();
        if (filter != null) {
            selection.put("filterSet", run.getFilterSet());
            selection.put("filter", filter);
        }
        selection.put("samples", in.samples());
        selection.put("samplesUsed", in.samplesUsed());
        selection.put("withdrawnLeftOut", in.withdrawn());
        selection.put("variantsRead", scored.variantsRead());
        selection.put("skipped", skipped);
        int families = analysis.families().size();
        return new Jobs.Done(scored.written() + " variants x " + families + " families")
                .set(LINKAGE_RUN.VARIANTS, scored.written()).set(LINKAGE_RUN.FAMILIES, families)
                .set(LINKAGE_RUN.SELECTION, json.writeValueAsString(selection));
    }

    /** The filter stored with the run at its start ({@code selection.filter}). */
    private VariantQuery storedFilter(LinkageRunRecord run) throws IOException {
        var node = run.getSelection() == null ? null : json.readTree(run.getSelection()).get("filter");
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("the run names filter set '" + run.getFilterSet() + "' but its filter was not stored");
        }
        return json.treeToValue(node, VariantQuery.class);
    }

    private static void insertFamilies(Connection con, long runPk, LinkageAnalysis analysis, Input in) throws SQLException {
        Set<String> typed = new HashSet<>(in.sampleIds());
        try (PreparedStatement ps = con.prepareStatement("INSERT INTO linkage_run_family "
                + "(run_pk, family_index, label, family_id, members, genotyped, problem) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int i = 0;
            for (LinkageFamily f : analysis.families()) {
                ps.setLong(1, runPk);
                ps.setInt(2, i++);
                ps.setString(3, f.label());
                ps.setString(4, f.familyId());
                ps.setInt(5, f.memberIds().size());
                ps.setInt(6, (int) f.memberIds().stream().filter(typed::contains).count());
                ps.setString(7, f.problem());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private interface ResultWriter extends AutoCloseable {
        void write(long runPk, int ordinal, long variantPk, MarkerLinkage m) throws SQLException, IOException;

        @Override
        void close() throws SQLException, IOException;
    }

    private static final String COLUMNS = "run_pk, ordinal, variant_pk, variant, alt_frequency, max_lod, theta_at_max, "
            + "max_hlod, hlod_theta, hlod_alpha, statuses, lods, hlods";

    private static Double finite(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
    }

    /** PostgreSQL: one binary COPY for the whole run. */
    private static final class CopyWriter implements ResultWriter {
        private final PgBinaryCopy copy;

        CopyWriter(Connection con) throws SQLException, IOException {
            copy = new PgBinaryCopy(con, "linkage_result (" + COLUMNS + ")");
        }

        @Override
        public void write(long runPk, int ordinal, long variantPk, MarkerLinkage m) throws IOException {
            int h = LinkageResultCodec.hlodArgMax(m);
            copy.row(13);
            copy.int8(runPk);
            copy.int4(ordinal);
            copy.int8(variantPk);
            copy.text(m.variant());
            copy.float8(m.altFrequency());
            copy.float8(finite(m.maxLod()));
            copy.float8(m.thetaAtMax());
            copy.float8(finite(m.hlods()[h]));
            copy.float8(m.thetas()[h]);
            copy.float8(m.alphas()[h]);
            copy.bytea(LinkageResultCodec.statuses(m));
            copy.bytea(LinkageResultCodec.lods(m));
            copy.bytea(LinkageResultCodec.hlods(m));
        }

        @Override
        public void close() throws IOException {
            copy.close();
        }
    }

    private static final class BatchWriter implements ResultWriter {
        private final PreparedStatement ps;
        private int pending;

        BatchWriter(Connection con) throws SQLException {
            ps = con.prepareStatement("INSERT INTO linkage_result (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        @Override
        public void write(long runPk, int ordinal, long variantPk, MarkerLinkage m) throws SQLException {
            int h = LinkageResultCodec.hlodArgMax(m);
            ps.setLong(1, runPk);
            ps.setInt(2, ordinal);
            ps.setLong(3, variantPk);
            ps.setString(4, m.variant());
            ps.setDouble(5, m.altFrequency());
            set(6, finite(m.maxLod()));
            ps.setDouble(7, m.thetaAtMax());
            set(8, finite(m.hlods()[h]));
            ps.setDouble(9, m.thetas()[h]);
            ps.setDouble(10, m.alphas()[h]);
            ps.setBytes(11, LinkageResultCodec.statuses(m));
            ps.setBytes(12, LinkageResultCodec.lods(m));
            ps.setBytes(13, LinkageResultCodec.hlods(m));
            ps.addBatch();
            if (++pending >= 1000) {
                ps.executeBatch();
                pending = 0;
            }
        }

        private void set(int i, Double d) throws SQLException {
            if (d == null) ps.setNull(i, Types.DOUBLE);
            else ps.setDouble(i, d);
        }

        @Override
        public void close() throws SQLException {
            if (pending > 0) ps.executeBatch();
            ps.close();
        }
    }
}
