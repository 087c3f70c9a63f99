package org.motif.base;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;

/**
 * The columns of a table whose rows are long-running jobs (vcf_import, linkage_run), as {@link Jobs} needs them to
 * claim, report on, finish and cancel a job. The table's {@code status} column holds one of {@link Jobs#QUEUED},
 * {@link Jobs#RUNNING}, {@link Jobs#DONE}, {@link Jobs#FAILED}, {@link Jobs#CANCELLED} (API.md's job states).
 *
 * @param label       what the job is called in log lines, e.g. {@code "VCF import"}
 * @param noun        what the job is called in messages to the user, e.g. {@code "import"}
 *                    ("The import stopped unexpectedly …")
 * @param table       the job table
 * @param pk          its database key (never shown to users)
 * @param publicId    its opaque public id (the API's {@code id}; the db-scheduler task data)
 * @param status      the job state
 * @param progress    progress from 0 to 1
 * @param count       the count of rows the job stores (variants); set to 0 when it fails or is cancelled
 * @param startedAt   set when the job is claimed
 * @param finishedAt  set when it ends, whatever the outcome
 * @param error       the message of a failed job (at most {@link Jobs#MAX_ERROR_LENGTH} characters are stored)
 * @param partialRows the foreign keys (to {@code pk}) of the rows a job writes: they are deleted when the job fails or
 *                    is cancelled, so nothing half-written remains; may be empty, never null
 */
public record JobTable<R extends Record>(
        String label,
        String noun,
        Table<R> table,
        TableField<R, Long> pk,
        TableField<R, String> publicId,
        TableField<R, String> status,
        TableField<R, Double> progress,
        TableField<R, Long> count,
        TableField<R, OffsetDateTime> startedAt,
        TableField<R, OffsetDateTime> finishedAt,
        TableField<R, String> error,
        List<TableField<?, Long>> partialRows) {

    public JobTable {
        Objects.requireNonNull(label);
        Objects.requireNonNull(noun);
        Objects.requireNonNull(table);
        Objects.requireNonNull(pk);
        Objects.requireNonNull(publicId);
        Objects.requireNonNull(status);
        Objects.requireNonNull(progress);
        Objects.requireNonNull(count);
        Objects.requireNonNull(startedAt);
        Objects.requireNonNull(finishedAt);
        Objects.requireNonNull(error);
        partialRows = List.copyOf(partialRows);
    }
}
