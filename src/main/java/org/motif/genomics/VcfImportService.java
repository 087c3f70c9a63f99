package org.motif.genomics;

import static org.motif.db.Tables.PARTICIPANT;
import static org.motif.db.Tables.VCF_IMPORT;
import static org.motif.db.Tables.VCF_SAMPLE;
import static org.motif.db.Tables.VCF_SAMPLE_ALIAS;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import jakarta.annotation.security.RolesAllowed;
import org.jooq.DSLContext;
import org.motif.base.ConflictException;
import org.motif.base.Jobs;
import org.motif.base.MotifException;
import org.motif.base.Problem;
import org.motif.base.ValidationException;
import org.motif.base.NotFoundException;
import org.motif.db.tables.records.VcfImportRecord;
import org.motif.security.CurrentUser;
import org.motif.security.Role;
import org.motif.security.audit.AuditService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * VCF imports: accept a file (checked header, sha256 not seen before), queue it as a db-scheduler
 * job, report on it, cancel it, and give its Mendelian QC. The import itself is {@link VcfImportRunner}.
 */
@Service
@Transactional
public class VcfImportService {
    private final DSLContext db;
    private final ObjectMapper json;
    private final AuditService audit;
    private final GenomicsSettings settings;
    private final Jobs jobs;
    private final OneTimeTask<String> task;
    private final VcfImportRunner runner;

    public VcfImportService(DSLContext db, ObjectMapper json, AuditService audit, GenomicsSettings settings,
                            Jobs jobs, OneTimeTask<String> vcfImportTask, VcfImportRunner runner) {
        this.runner = runner;
        this.db = db;
        this.json = json;
        this.audit = audit;
        this.settings = settings;
        this.jobs = jobs;
        this.task = vcfImportTask;
    }

    /** The answer of {@code POST /vcf-imports}: 202 {id, status}. */
    public record Started(String id, String status) {
    }

    /**
     * Queues the import of an uploaded file (moved into Motif's storage; deleted if refused).
     *
     * @throws VcfFormatException 422 when the header cannot be read (BCF, not a VCF, duplicate samples...)
     * @throws ConflictException  409 when a file with the same sha256 was imported before (named in the message)
     */
    @RolesAllowed(Role.GENETICIST_NAME)
    public Started submit(Path uploaded, String fileName) {
        return submitAs(CurrentUser.actor(), uploaded, fileName);
    }

    /** As {@link #submit} for the server-side command ({@code --import-vcf=PATH}); the file is copied, not moved. */
    public Started submitFromServerPath(Path file) {
        try {
            Path copy = Files.createTempFile("motif-vcf", ".upload");
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            return submitAs("command-line", copy, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Started submitAs(String actor, Path uploaded, String fileName) {
        try {
            try (VcfReader reader = VcfReader.open(uploaded, fileName, settings.afKey())) {
                reader.samples();
            }
            String sha = sha256(uploaded);
            VcfImportRecord earlier = db.selectFrom(VCF_IMPORT).where(VCF_IMPORT.SHA256.eq(sha)).fetchOne();
            if (earlier != null) {
                throw new ConflictException("This file (sha256 " + sha.substring(0, 12) + "…) was already imported as import "
                        + earlier.getImportId() + " ('" + earlier.getFileName() + "', " + earlier.getCreatedAt().toLocalDate()
                        + ", status " + earlier.getStatus() + "); open that import instead, or delete it first.");
            }
            String id = "vcf-" + UUID.randomUUID().toString().substring(0, 8);
            Files.createDirectories(settings.storage());
            Path stored = settings.storage().resolve(id + (fileName.endsWith(".gz") || fileName.endsWith(".bgz") ? ".vcf.gz" : ".vcf"));
            long size = Files.size(uploaded);
            Files.move(uploaded, stored, StandardCopyOption.REPLACE_EXISTING);
            db.insertInto(VCF_IMPORT).set(VCF_IMPORT.IMPORT_ID, id).set(VCF_IMPORT.FILE_NAME, fileName)
                    .set(VCF_IMPORT.FILE_PATH, stored.toAbsolutePath().toString()).set(VCF_IMPORT.FILE_SIZE, size)
                    .set(VCF_IMPORT.SHA256, sha).set(VCF_IMPORT.STATUS, "queued").set(VCF_IMPORT.CREATED_BY, actor).execute();
            audit.recordAs(actor, "vcf_import.submit", "vcf_import", id, Map.of("fileName", fileName, "bytes", size));
            jobs.scheduleAfterCommit(task, id);
            return new Started(id, "queued");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(uploaded);
            } catch (IOException ignored) {
                // the temp file goes with the JVM's temp dir
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One import as API.md's job object. @throws NotFoundException for an unknown id */
    @RolesAllowed(Role.GENETICIST_NAME)
    @Transactional(readOnly = true)
    public VcfImportView get(String importId) {
        return view(find(importId));
    }

    /** All imports, newest first. */
    @RolesAllowed(Role.GENETICIST_NAME)
    @Transactional(readOnly = true)
    public List<VcfImportView> list() {
        return db.selectFrom(VCF_IMPORT).orderBy(VCF_IMPORT.ID.desc()).fetch().map(this::view);
    }

    /** Cancels a queued or running import (DELETE); the job removes what it wrote. Done imports are left alone. */
    @RolesAllowed(Role.GENETICIST_NAME)
    public VcfImportView cancel(String importId) {
        VcfImportRecord r = find(importId);
        if (jobs.cancel(VcfImportTaskConfig.JOB, r.getId())) {
            audit.record("vcf_import.cancel", "vcf_import", importId, Map.of());
        }
        return view(find(importId));
    }

    /** Mendelian QC of a finished import. @throws ConflictException while it is not done */
    @RolesAllowed(Role.GENETICIST_NAME)
    @Transactional(readOnly = true)
    public MendelianReport mendelian(String importId) {
        VcfImportRecord r = find(importId);
        if (!r.getStatus().equals("done")) {
            throw new ConflictException("Import " + importId + " is " + r.getStatus() + "; Mendelian QC is available when it is done.");
        }
        JsonNode m = report(r).path("mendelian");
        return new MendelianReport(m.path("total").asLong(),
                json.convertValue(m.path("perSample"), new TypeReference<LinkedHashMap<String, Integer>>() { }),
                json.convertValue(m.path("perVariant"), new TypeReference<LinkedHashMap<String, Integer>>() { }));
    }

    /** One VCF column of an import and the participant it is matched to (null when unmatched). */
    public record SampleRow(int column, String sample, String participantId, boolean viaMapping) {
    }

    /** The VCF samples of an import in column order with their matched participants. @throws NotFoundException for an unknown id */
    @RolesAllowed(Role.GENETICIST_NAME)
    @Transactional(readOnly = true)
    public List<SampleRow> samples(String importId) {
        VcfImportRecord r = find(importId);
        return db.select(VCF_SAMPLE.COLUMN_INDEX, VCF_SAMPLE.NAME, PARTICIPANT.PARTICIPANT_ID).from(VCF_SAMPLE)
                .leftJoin(PARTICIPANT).on(PARTICIPANT.ID.eq(VCF_SAMPLE.PARTICIPANT_PK))
                .where(VCF_SAMPLE.IMPORT_PK.eq(r.getId())).orderBy(VCF_SAMPLE.COLUMN_INDEX).fetch()
                .map(x -> new SampleRow(x.value1(), x.value2(), x.value3(), x.value3() != null && !x.value3().equals(x.value2())));
    }

    /**
     * Maps a VCF sample name to a participant (vcf_sample_alias; replaces an earlier mapping of that
     * name, applies to later imports too), then matches this import's samples again and recomputes its
     * Mendelian counts and per-sample QC (the stored file is read once more; variant rows are kept).
     *
     * @param participantId the participant, or null/blank to remove the mapping
     * @throws NotFoundException   unknown import or participant
     * @throws ValidationException 422 when the sample is not in the import, or the participant already has a column
     * @throws ConflictException   409 while the import is not done
     */
    @RolesAllowed(Role.GENETICIST_NAME)
    public VcfImportView mapSample(String importId, String sample, String participantId) {
        VcfImportRecord r = find(importId);
        if (!r.getStatus().equals("done")) {
            throw new ConflictException("Import " + importId + " is " + r.getStatus() + "; samples can be mapped when it is done.");
        }
        if (!db.fetchExists(VCF_SAMPLE, VCF_SAMPLE.IMPORT_PK.eq(r.getId()).and(VCF_SAMPLE.NAME.eq(sample)))) {
            throw new ValidationException("VCF sample '" + sample + "' is not in import " + importId + ".",
                    List.of(new Problem(null, "sample", "choose one of the import's VCF samples")));
        }
        db.deleteFrom(VCF_SAMPLE_ALIAS).where(VCF_SAMPLE_ALIAS.SAMPLE_NAME.eq(sample)).execute();
        if (participantId != null && !participantId.isBlank()) {
            Long pk = db.select(PARTICIPANT.ID).from(PARTICIPANT).where(PARTICIPANT.PARTICIPANT_ID.eq(participantId.trim())).fetchOne(PARTICIPANT.ID);
            if (pk == null) throw new NotFoundException("No participant '" + participantId + "'; check the id on the Families page.");
            var taken = db.select(VCF_SAMPLE.NAME).from(VCF_SAMPLE).where(VCF_SAMPLE.IMPORT_PK.eq(r.getId()))
                    .and(VCF_SAMPLE.PARTICIPANT_PK.eq(pk)).and(VCF_SAMPLE.NAME.ne(sample)).fetchOne(VCF_SAMPLE.NAME);
            if (taken != null) {
                throw new ValidationException("Participant " + participantId + " already has VCF column '" + taken + "' in this import.",
                        List.of(new Problem(null, "participantId", "choose a participant without a column")));
            }
            db.insertInto(VCF_SAMPLE_ALIAS).set(VCF_SAMPLE_ALIAS.SAMPLE_NAME, sample).set(VCF_SAMPLE_ALIAS.PARTICIPANT_PK, pk)
                    .set(VCF_SAMPLE_ALIAS.CREATED_BY, CurrentUser.actor()).execute();
        }
        try {
            runner.rematch(r.getId());
        } catch (IOException e) {
            throw new MotifException("The stored file of import " + importId + " could not be read again (" + e.getMessage() + ").");
        }
        audit.record("vcf_import.map_sample", "vcf_import", importId, Map.of("sample", sample,
                "participantId", participantId == null ? "" : participantId));
        return view(find(importId));
    }

    private VcfImportRecord find(String importId) {
        VcfImportRecord r = db.selectFrom(VCF_IMPORT).where(VCF_IMPORT.IMPORT_ID.eq(importId)).fetchOne();
        if (r == null) throw new NotFoundException("No VCF import '" + importId + "'; list them with GET /api/v1/vcf-imports.");
        return r;
    }

    private JsonNode report(VcfImportRecord r) {
        try {
            return r.getReport() == null ? json.createObjectNode() : json.readTree(r.getReport());
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private VcfImportView view(VcfImportRecord r) {
        JsonNode rep = report(r);
        boolean done = r.getStatus().equals("done");
        return new VcfImportView(r.getImportId(), r.getStatus(), r.getProgress(), r.getFileName(), r.getRecords(),
                done ? r.getVariants() : 0, r.getSamples(), r.getMatchedSamples(),
                json.convertValue(rep.path("unmatchedVcfSamples").isMissingNode() ? json.createArrayNode() : rep.path("unmatchedVcfSamples"),
                        new TypeReference<List<String>>() { }),
                json.convertValue(rep.path("unmatchedParticipants").isMissingNode() ? json.createArrayNode() : rep.path("unmatchedParticipants"),
                        new TypeReference<List<String>>() { }),
                json.convertValue(rep.path("skipped").isMissingNode() ? json.createObjectNode() : rep.path("skipped"),
                        new TypeReference<LinkedHashMap<String, Integer>>() { }),
                json.convertValue(rep.path("skippedExamples").isMissingNode() ? json.createArrayNode() : rep.path("skippedExamples"),
                        new TypeReference<List<VcfImportView.SkippedExample>>() { }),
                r.getError(), r.getReferenceBuild(), r.getCreatedBy(), r.getCreatedAt(),
                json.convertValue(rep.path("sampleQc").isMissingNode() ? json.createArrayNode() : rep.path("sampleQc"),
                        new TypeReference<List<SampleQc.Result>>() { }));
    }
}
