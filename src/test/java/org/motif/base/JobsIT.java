package org.motif.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.motif.db.Tables.VCF_IMPORT;
import static org.motif.db.Tables.VCF_SAMPLE;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.motif.AbstractIT;
import org.motif.db.tables.records.VcfImportRecord;
import org.springframework.beans.factory.annotation.Autowired;

/** The job plumbing on a real job table (vcf_import rows of its own, vcf_sample as the rows a job writes). */
class JobsIT extends AbstractIT {
    private static final JobTable<VcfImportRecord> JOB = new JobTable<>("Test job", "test job", VCF_IMPORT, VCF_IMPORT.ID,
            VCF_IMPORT.IMPORT_ID, VCF_IMPORT.STATUS, VCF_IMPORT.PROGRESS, VCF_IMPORT.VARIANTS, VCF_IMPORT.STARTED_AT,
            VCF_IMPORT.FINISHED_AT, VCF_IMPORT.ERROR, List.of(VCF_SAMPLE.IMPORT_PK));

    @Autowired
    Jobs jobs;
    @Autowired
    DSLContext db;

    private VcfImportRecord queued() {
        String id = "job-" + UUID.randomUUID().toString().substring(0, 8);
        db.insertInto(VCF_IMPORT).set(VCF_IMPORT.IMPORT_ID, id).set(VCF_IMPORT.FILE_NAME, id + ".vcf")
                .set(VCF_IMPORT.SHA256, UUID.randomUUID().toString()).set(VCF_IMPORT.STATUS, Jobs.QUEUED)
                .set(VCF_IMPORT.CREATED_BY, "JobsIT").execute();
        return row(id);
    }

    /** The job's row after it ended with this status: count 0, finished_at set, and none of its rows left. */
    private VcfImportRecord endedWithNothingStored(VcfImportRecord job, String status) {
        VcfImportRecord ended = row(job.getImportId());
        assertThat(ended.getStatus()).isEqualTo(status);
        assertThat(ended.getVariants()).isZero();
        assertThat(ended.getFinishedAt()).isNotNull();
        assertThat(sampleRows(job.getId())).isZero();
        return ended;
    }

    private VcfImportRecord row(String id) {
        return db.selectFrom(VCF_IMPORT).where(VCF_IMPORT.IMPORT_ID.eq(id)).fetchOne();
    }

    private int sampleRows(long pk) {
        return db.fetchCount(VCF_SAMPLE, VCF_SAMPLE.IMPORT_PK.eq(pk));
    }

    /** Writes one vcf_sample row of the job in the work's own transaction. */
    private void writeSample(long pk) throws Exception {
        jobs.inOwnTransaction(con -> {
            try (PreparedStatement ps = con.prepareStatement("INSERT INTO vcf_sample (import_pk, column_index, name) VALUES (?, 0, 'S1')")) {
                ps.setLong(1, pk);
                return ps.executeUpdate();
            }
        });
    }

    @Test
    void a_queued_job_runs_once_and_stores_its_done_values_with_progress_1() {
        VcfImportRecord job = queued();
        AtomicInteger runs = new AtomicInteger();
        Jobs.Work<VcfImportRecord> work = (row, progress) -> {
            runs.incrementAndGet();
            writeSample(row.getId());
            progress.report(0.5, VCF_IMPORT.RECORDS, 4L);
            assertThat(row(job.getImportId()).getProgress()).isEqualTo(0.5);
            assertThat(row(job.getImportId()).getRecords()).isEqualTo(4L);
            return new Jobs.Done("7 records").set(VCF_IMPORT.RECORDS, 7L).set(VCF_IMPORT.VARIANTS, 3L);
        };
        jobs.run(JOB, job.getImportId(), work);
        jobs.run(JOB, job.getImportId(), work);

        VcfImportRecord done = row(job.getImportId());
        assertThat(runs).hasValue(1);
        assertThat(done.getStatus()).isEqualTo("done");
        assertThat(done.getProgress()).isEqualTo(1.0);
        assertThat(done.getRecords()).isEqualTo(7L);
        assertThat(done.getVariants()).isEqualTo(3L);
        assertThat(done.getStartedAt()).isNotNull();
        assertThat(done.getFinishedAt()).isNotNull();
        assertThat(done.getError()).isNull();
        assertThat(sampleRows(job.getId())).isEqualTo(1);
        assertThat(jobs.cancel(JOB, job.getId())).isFalse();
        assertThat(row(job.getImportId()).getStatus()).isEqualTo("done");
    }

    @Test
    void an_unexpected_exception_fails_the_job_with_a_message_for_the_user_and_leaves_no_rows() {
        VcfImportRecord job = queued();
        // a row left behind outside the work's transaction is removed too
        db.insertInto(VCF_SAMPLE).set(VCF_SAMPLE.IMPORT_PK, job.getId()).set(VCF_SAMPLE.COLUMN_INDEX, 5).set(VCF_SAMPLE.NAME, "S5").execute();
        jobs.run(JOB, job.getImportId(), (row, progress) -> {
            writeSample(row.getId());
            jobs.inOwnTransaction(con -> {
                con.createStatement().executeUpdate("INSERT INTO vcf_sample (import_pk, column_index, name) VALUES (" + row.getId() + ", 1, 'S2')");
                throw new IllegalStateException("disk full");
            });
            return new Jobs.Done("never");
        });

        VcfImportRecord failed = endedWithNothingStored(job, "failed");
        assertThat(failed.getError()).isEqualTo("The test job stopped unexpectedly (IllegalStateException: disk full); "
                + "nothing was stored. Try again or tell the administrator.");
    }

    @Test
    void a_motif_exception_fails_the_job_with_its_own_message_cut_to_3900_characters() {
        VcfImportRecord short1 = queued();
        jobs.run(JOB, short1.getImportId(), (row, progress) -> {
            throw new ValidationException("VCF line 12: field GT must be 0/1; fix the file and import it again.");
        });
        assertThat(row(short1.getImportId()).getError()).isEqualTo("VCF line 12: field GT must be 0/1; fix the file and import it again.");

        VcfImportRecord long1 = queued();
        jobs.run(JOB, long1.getImportId(), (row, progress) -> {
            throw new MotifException("x".repeat(5000));
        });
        assertThat(row(long1.getImportId()).getError()).isEqualTo("x".repeat(Jobs.MAX_ERROR_LENGTH));
        assertThat(row(long1.getImportId()).getStatus()).isEqualTo("failed");
    }

    @Test
    void a_job_cancelled_while_running_stops_at_its_next_progress_report_and_leaves_no_rows() {
        VcfImportRecord job = queued();
        AtomicInteger after = new AtomicInteger();
        jobs.run(JOB, job.getImportId(), (row, progress) -> {
            writeSample(row.getId());
            assertThat(jobs.cancel(JOB, row.getId())).isTrue();
            progress.report(0.5);
            after.incrementAndGet();
            return new Jobs.Done("never");
        });

        assertThat(after).hasValue(0);
        assertThat(endedWithNothingStored(job, "cancelled").getError()).isNull();
    }

    @Test
    void a_job_cancelled_after_its_work_committed_is_not_marked_done_and_its_rows_are_removed() {
        VcfImportRecord job = queued();
        jobs.run(JOB, job.getImportId(), (row, progress) -> {
            writeSample(row.getId());
            jobs.cancel(JOB, row.getId());
            return new Jobs.Done("1 sample").set(VCF_IMPORT.VARIANTS, 9L);
        });
        endedWithNothingStored(job, "cancelled");
    }

    @Test
    void a_job_cancelled_before_it_starts_is_never_run() {
        VcfImportRecord job = queued();
        assertThat(jobs.cancel(JOB, job.getId())).isTrue();
        AtomicInteger runs = new AtomicInteger();
        jobs.run(JOB, job.getImportId(), (row, progress) -> {
            runs.incrementAndGet();
            return new Jobs.Done("never");
        });
        assertThat(runs).hasValue(0);
        assertThat(row(job.getImportId()).getStatus()).isEqualTo("cancelled");
        assertThat(row(job.getImportId()).getStartedAt()).isNull();
    }
}
