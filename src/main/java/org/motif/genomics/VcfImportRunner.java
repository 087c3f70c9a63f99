package org.motif.genomics;

import static org.motif.db.Tables.PARTICIPANT;
import static org.motif.db.Tables.VARIANT;
import static org.motif.db.Tables.VCF_IMPORT;
import static org.motif.db.Tables.VCF_SAMPLE;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.motif.base.Jobs;
import org.motif.base.PgBinaryCopy;
import org.motif.db.tables.records.VcfImportRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one VCF import (called by the db-scheduler task): streams the file, matches samples, writes
 * one variant row per ALT allele (PostgreSQL COPY; batched inserts elsewhere) in ONE transaction on
 * its own connection, counts Mendelian errors, and records progress, counts and the report. A
 * failure or a cancel rolls the transaction back, so no variant row of the import remains; the job
 * bookkeeping (claim, progress and cancel, done/failed/cancelled) is {@link Jobs}'.
 */
@Component
public class VcfImportRunner {
    private static final Logger log = LoggerFactory.getLogger(VcfImportRunner.class);
    private static final int MAX_EXAMPLES = 100;
    private static final int BATCH = 1000;

    private final DSLContext db;
    private final Jobs jobs;
    private final ObjectMapper json;
    private final SampleMatcher matcher;
    private final GenomicsSettings settings;

    public VcfImportRunner(DSLContext db, Jobs jobs, ObjectMapper json, SampleMatcher matcher, GenomicsSettings settings) {
        this.db = db;
        this.jobs = jobs;
        this.json = json;
        this.matcher = matcher;
        this.settings = settings;
    }

    /** Runs the import with the given public id; never throws (the outcome is stored in vcf_import, see {@link Jobs#run}). */
    public void run(String importId) {
        jobs.run(VcfImportTaskConfig.JOB, importId, this::importFile);
    }

    private Jobs.Done importFile(VcfImportRecord imp, Jobs.Progress progress) throws Exception {
        long started = System.nanoTime();
        Path path = Path.of(imp.getFilePath());
        long size = Math.max(1, imp.getFileSize());
        // parsing runs ahead on the other cores while this thread writes rows
        try (VcfReader reader = VcfReader.open(path, imp.getFileName(), settings.afKey(), Runtime.getRuntime().availableProcessors())) {
            Jobs.Done done = jobs.inOwnTransaction(con -> {
                SampleMatcher.Match match = matcher.match(reader.samples());
                insertSamples(con, imp.getId(), reader.samples(), match);
                MendelianCounter mendelian = new MendelianCounter(match.trios());
                SampleQc qc = sampleQc(reader.samples(), match.participantPks(), reader.referenceBuild());
                Map<String, Integer> skipped = new LinkedHashMap<>();
                List<Map<String, Object>> examples = new ArrayList<>();
                long variants = 0;
                long lastCheck = System.nanoTime();
                try (RowWriter writer = PgBinaryCopy.isPostgres(con) ? new CopyWriter(con) : new BatchWriter(con)) {
                    VcfRecord r;
                    while ((r = reader.next()) != null) {
                        mendelian.add(r);
                        qc.add(r);
                        if (r.skipReason() != null) {
                            skipped.merge(r.skipReason().code(), 1, Integer::sum);
                            if (examples.size() < MAX_EXAMPLES) {
                                Map<String, Object> ex = new LinkedHashMap<>();
                                ex.put("line", r.line());
                                ex.put("reason", r.skipReason().code());
                                examples.add(ex);
                            }
                        } else {
                            byte[] gq = Genotypes.packU16(r.gq());
                            byte[] dp = Genotypes.packU16(r.dp());
                            for (int k = 1; k <= r.alts().size(); k++) {
                                writer.write(imp.getId(), r, k, Genotypes.packForAlt(r.alleles(), k), gq, dp);
                                variants++;
                            }
                        }
                        if (System.nanoTime() - lastCheck > 1_000_000_000L) {
                            lastCheck = System.nanoTime();
                            progress.report(Math.min(0.99, reader.bytesRead() / (double) size), VCF_IMPORT.RECORDS, reader.records());
                        }
                    }
                }
                progress.report(0.99, VCF_IMPORT.RECORDS, reader.records());
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("skipped", skipped);
                report.put("skippedExamples", examples);
                report.put("unmatchedVcfSamples", match.unmatchedVcfSamples());
                report.put("unmatchedParticipants", match.unmatchedParticipants());
                report.put("referenceBuild", reader.referenceBuild());
                report.put("seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
                report.put("mendelian", mendelianReport(mendelian));
                report.put("sampleQc", qc.results(mendelian.perSample()));
                return new Jobs.Done(reader.records() + " records, " + variants + " variants")
                        .set(VCF_IMPORT.RECORDS, reader.records()).set(VCF_IMPORT.VARIANTS, variants)
                        .set(VCF_IMPORT.SAMPLES, reader.samples().size()).set(VCF_IMPORT.MATCHED_SAMPLES, match.matched())
                        .set(VCF_IMPORT.REFERENCE_BUILD, reader.referenceBuild())
                        .set(VCF_IMPORT.REPORT, json.writeValueAsString(report));
            });
            afterBulkLoad();
            return done;
        }
    }

    /**
     * PostgreSQL, once the rows are committed: summarise the BRIN ranges they filled (else queries read
     * those pages until autovacuum does it) and refresh the planner's statistics of the grown table.
     * Both need the table's owner; without that autovacuum catches up later, so a refusal is only logged.
     */
    private void afterBulkLoad() {
        if (db.dialect().family() != SQLDialect.POSTGRES) return;
        try {
            db.fetch("SELECT brin_summarize_new_values('ix_variant_import_position'::regclass)");
            db.execute("ANALYZE variant");
        } catch (RuntimeException e) {
            log.warn("variant table not summarised after the import (autovacuum will): {}", e.getMessage());
        }
    }

    private static Map<String, Object> mendelianReport(MendelianCounter mendelian) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", mendelian.total());
        m.put("perSample", mendelian.perSample());
        m.put("perVariant", mendelian.perVariant());
        List<Map<String, Object>> trios = new ArrayList<>();
        for (MendelianCounter.TrioCount t : mendelian.perTrio()) {
            Map<String, Object> tr = new LinkedHashMap<>();
            tr.put("child", t.trio().child());
            tr.put("father", t.trio().father());
            tr.put("mother", t.trio().mother());
            tr.put("ok", t.ok());
            tr.put("bad", t.bad());
            tr.put("skipped", t.skipped());
            trios.add(tr);
        }
        m.put("perTrio", trios);
        return m;
    }

    /**
     * Matches the samples of a finished import again (after a mapping change in vcf_sample_alias) and
     * recomputes the Mendelian counts and per-sample QC by reading the stored file once more; the variant
     * rows are not touched. Runs in the caller's transaction.
     *
     * @return the number of matched samples
     */
    public int rematch(long importPk) throws IOException {
        VcfImportRecord imp = db.selectFrom(VCF_IMPORT).where(VCF_IMPORT.ID.eq(importPk)).fetchOne();
        try (VcfReader reader = VcfReader.open(Path.of(imp.getFilePath()), imp.getFileName(), settings.afKey())) {
            List<String> samples = reader.samples();
            SampleMatcher.Match match = matcher.match(samples);
            for (int i = 0; i < samples.size(); i++) {
                db.update(VCF_SAMPLE).set(VCF_SAMPLE.PARTICIPANT_PK, match.participantPks().get(i))
                        .where(VCF_SAMPLE.IMPORT_PK.eq(importPk)).and(VCF_SAMPLE.COLUMN_INDEX.eq(i)).execute();
            }
            MendelianCounter mendelian = new MendelianCounter(match.trios());
            SampleQc qc = sampleQc(samples, match.participantPks(), reader.referenceBuild());
            VcfRecord r;
            while ((r = reader.next()) != null) {
                mendelian.add(r);
                qc.add(r);
            }
            com.fasterxml.jackson.databind.node.ObjectNode report = imp.getReport() == null ? json.createObjectNode()
                    : (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(imp.getReport());
            report.set("unmatchedVcfSamples", json.valueToTree(match.unmatchedVcfSamples()));
            report.set("unmatchedParticipants", json.valueToTree(match.unmatchedParticipants()));
            report.set("mendelian", json.valueToTree(mendelianReport(mendelian)));
            report.set("sampleQc", json.valueToTree(qc.results(mendelian.perSample())));
            db.update(VCF_IMPORT).set(VCF_IMPORT.MATCHED_SAMPLES, match.matched()).set(VCF_IMPORT.REPORT, json.writeValueAsString(report))
                    .where(VCF_IMPORT.ID.eq(importPk)).execute();
            return match.matched();
        }
    }

    /** Per-sample QC with each matched column's participant id and recorded sex. */
    SampleQc sampleQc(List<String> samples, List<Long> participantPks, String build) {
        Map<Long, org.jooq.Record3<Long, String, String>> people = db.select(PARTICIPANT.ID, PARTICIPANT.PARTICIPANT_ID, PARTICIPANT.SEX)
                .from(PARTICIPANT).where(PARTICIPANT.ID.in(participantPks.stream().filter(java.util.Objects::nonNull).toList()))
                .fetchMap(PARTICIPANT.ID);
        List<String> ids = new ArrayList<>();
        List<SampleQc.Sex> sexes = new ArrayList<>();
        for (Long pk : participantPks) {
            var p = pk == null ? null : people.get(pk);
            ids.add(p == null ? null : p.value2());
            sexes.add(p == null ? SampleQc.Sex.UNKNOWN : switch (p.value3()) {
                case "male" -> SampleQc.Sex.MALE;
                case "female" -> SampleQc.Sex.FEMALE;
                default -> SampleQc.Sex.UNKNOWN;
            });
        }
        return new SampleQc(samples, ids, sexes, build, SampleQc.Thresholds.DEFAULT);
    }

    private static void insertSamples(Connection con, long importPk, List<String> samples, SampleMatcher.Match match) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(
                "INSERT INTO vcf_sample (import_pk, column_index, name, participant_pk) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < samples.size(); i++) {
                ps.setLong(1, importPk);
                ps.setInt(2, i);
                ps.setString(3, samples.get(i));
                Long pk = match.participantPks().get(i);
                if (pk == null) ps.setNull(4, Types.BIGINT);
                else ps.setLong(4, pk);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private interface RowWriter extends AutoCloseable {
        void write(long importPk, VcfRecord r, int k, byte[] gt, byte[] gq, byte[] dp) throws SQLException, IOException;

        @Override
        void close() throws SQLException, IOException;
    }

    private static final String COLUMNS = "import_pk, contig, position, ref, alt, variant_id, qual, filter, gene, consequence, af, gt, gq, dp";

    /**
     * PostgreSQL: one streaming {@code COPY ... FROM STDIN (FORMAT binary)} for the whole file (binary so
     * the server neither parses text numbers nor hex-decodes the genotype arrays).
     */
    private static final class CopyWriter implements RowWriter {
        private final PgBinaryCopy copy;

        CopyWriter(Connection con) throws SQLException, IOException {
            copy = new PgBinaryCopy(con, "variant (" + COLUMNS + ")");
        }

        @Override
        public void write(long importPk, VcfRecord r, int k, byte[] gt, byte[] gq, byte[] dp) throws IOException {
            copy.row(14);
            copy.int8(importPk);
            copy.text(r.contig());
            copy.int4(r.position());
            copy.text(r.ref());
            copy.text(r.alts().get(k - 1));
            copy.text(r.id());
            copy.float8(r.qual());
            copy.text(r.filter());
            copy.text(r.genes().get(k - 1));
            copy.text(r.consequences().get(k - 1));
            copy.float8(r.afs().get(k - 1));
            copy.bytea(gt);
            copy.bytea(gq);
            copy.bytea(dp);
        }

        @Override
        public void close() throws IOException {
            copy.close();
        }
    }

    /** Other databases (H2): batched prepared inserts. */
    private static final class BatchWriter implements RowWriter {
        private final PreparedStatement ps;
        private int pending;

        BatchWriter(Connection con) throws SQLException {
            this.ps = con.prepareStatement("INSERT INTO variant (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        @Override
        public void write(long importPk, VcfRecord r, int k, byte[] gt, byte[] gq, byte[] dp) throws SQLException {
            ps.setLong(1, importPk);
            ps.setString(2, r.contig());
            ps.setInt(3, r.position());
            ps.setString(4, r.ref());
            ps.setString(5, r.alts().get(k - 1));
            ps.setString(6, r.id());
            if (r.qual() == null) ps.setNull(7, Types.DOUBLE);
            else ps.setDouble(7, r.qual());
            ps.setString(8, r.filter());
            ps.setString(9, r.genes().get(k - 1));
            ps.setString(10, r.consequences().get(k - 1));
            Double af = r.afs().get(k - 1);
            if (af == null) ps.setNull(11, Types.DOUBLE);
            else ps.setDouble(11, af);
            ps.setBytes(12, gt);
            ps.setBytes(13, gq);
            ps.setBytes(14, dp);
            ps.addBatch();
            if (++pending >= BATCH) {
                ps.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            if (pending > 0) ps.executeBatch();
            ps.close();
        }
    }
}
