package org.motif.base;

import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.TableField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The plumbing shared by Motif's long-running jobs (VCF imports, linkage runs): each is a row of a {@link JobTable}
 * plus a db-scheduler one-time task whose data is the row's public id.
 * <ul>
 * <li>Services {@link #scheduleAfterCommit schedule} the task once the row is committed and {@link #cancel cancel}
 * a queued or running job.</li>
 * <li>The task calls {@link #run}: it claims the row (queued → running, guarded so only one node runs it), runs the
 * {@link Work}, and records the outcome: done with the work's values, cancelled, or failed with a message. The work
 * writes its rows in {@link #inOwnTransaction one transaction}, reports {@link Progress}, and learns there of a cancel;
 * after a failure or a cancel the job's {@link JobTable#partialRows partial rows} are deleted, so it stores all or
 * nothing.</li>
 * </ul>
 */
@Component
public class Jobs {
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";
    /** The longest error message stored (the column holds 4000 characters). */
    public static final int MAX_ERROR_LENGTH = 3900;

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private final DSLContext db;
    private final DataSource dataSource;
    private final ObjectProvider<SchedulerClient> scheduler;

    public Jobs(DSLContext db, DataSource dataSource, ObjectProvider<SchedulerClient> scheduler) {
        this.db = db;
        this.dataSource = dataSource;
        this.scheduler = scheduler;
    }

    // ---- service side

    /**
     * Schedules the task for the job with this public id to run now, after the current transaction commits (so the
     * task finds the queued row), or at once when no transaction is active.
     */
    public void scheduleAfterCommit(OneTimeTask<String> task, String publicId) {
        Runnable go = () -> scheduler.getObject().schedule(task.instance(publicId, publicId), Instant.now());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    go.run();
                }
            });
        } else {
            go.run();
        }
    }

    /**
     * Marks a queued or running job cancelled (with count 0); a running job sees it at its next {@link Progress}
     * report and removes what it wrote. Finished jobs are left alone.
     *
     * @return true when the job was cancelled by this call (the caller audits it)
     */
    public <R extends Record> boolean cancel(JobTable<R> job, long pk) {
        return db.update(job.table()).set(job.status(), CANCELLED).set(job.count(), 0L)
                .where(job.pk().eq(pk)).and(job.status().in(QUEUED, RUNNING)).execute() > 0;
    }

    // ---- task side

    /** A job's own work: reads its input, writes its rows, returns what to store with status done. */
    @FunctionalInterface
    public interface Work<R extends Record> {
        /**
         * @param row      the job's row as read before it was claimed
         * @param progress where to report progress; it throws (ending the work) once the job is cancelled
         * @return the values to store with status done; never null
         * @throws MotifException for a problem the user can fix: its message becomes the job's error as it is
         * @throws Exception      anything else: the job fails with a generic message and the stack trace is logged
         */
        Done run(R row, Progress progress) throws Exception;
    }

    /** What a finished job stores in its row besides status done, progress 1 and finished_at, and says in the log. */
    public static final class Done {
        private final String summary;
        private final Map<Field<?>, Object> values = new LinkedHashMap<>();

        /** @param summary for the log line "&lt;label&gt; &lt;id&gt; done: &lt;summary&gt; in &lt;s&gt; s", e.g. "12 records, 14 variants" */
        public Done(String summary) {
            this.summary = summary;
        }

        /** Stores {@code value} (may be null) in {@code field} of the job's row. */
        public <V> Done set(Field<V> field, V value) {
            values.put(field, value);
            return this;
        }

        Map<Field<?>, Object> values() {
            return Collections.unmodifiableMap(values);
        }
    }

    /** Ends the work of a job that was cancelled (its status is no longer running). */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    /** Progress reports of one running job; each report is also the check for a cancel. */
    public final class Progress {
        private final JobTable<?> job;
        private final long pk;

        private Progress(JobTable<?> job, long pk) {
            this.job = job;
            this.pk = pk;
        }

        /**
         * Stores the progress unless the job is no longer running.
         *
         * @param fraction from 0 to 1 (the work stops at 0.99; done sets 1)
         * @throws RuntimeException (a private kind that {@link #run} handles) when the job was cancelled: let it
         *                          propagate after rolling back
         */
        public void report(double fraction) {
            report(fraction, null, null);
        }

        /** As {@link #report(double)}, also storing {@code value} in {@code also} (e.g. records read so far); {@code also} null stores nothing more. */
        public <V> void report(double fraction, Field<V> also, V value) {
            String status = db.select(job.status()).from(job.table()).where(job.pk().eq(pk)).fetchOne(job.status());
            if (!RUNNING.equals(status)) throw new Cancelled();
            var update = db.update(job.table()).set(job.progress(), fraction);
            (also == null ? update : update.set(also, value)).where(job.pk().eq(pk)).execute();
        }
    }

    /** Work on one JDBC connection in one transaction. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection con) throws Exception;
    }

    /**
     * Runs {@code work} on a connection of its own (not the caller's transaction) with auto-commit off, commits when it
     * returns and rolls back when it throws, so a job's rows appear all at once or not at all.
     */
    public <T> T inOwnTransaction(TransactionWork<T> work) throws Exception {
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            try {
                T result = work.run(con);
                con.commit();
                return result;
            } catch (Exception e) {
                con.rollback();
                throw e;
            }
        }
    }

    /**
     * Runs the job with this public id if it is still queued and no other node claims it first; never throws. The
     * outcome is stored in the job's row: done (with the {@link Done} values, unless the job was cancelled meanwhile),
     * cancelled (count 0, finished_at set), or failed (count 0, the error message). On every outcome but done the
     * job's partial rows are deleted.
     */
    public <R extends Record> void run(JobTable<R> job, String publicId, Work<R> work) {
        R row = db.selectFrom(job.table()).where(job.publicId().eq(publicId)).fetchOne();
        if (row == null || !QUEUED.equals(row.get(job.status()))) return;
        long pk = row.get(job.pk());
        int claimed = db.update(job.table()).set(job.status(), RUNNING).set(job.startedAt(), OffsetDateTime.now())
                .where(job.pk().eq(pk)).and(job.status().eq(QUEUED)).execute();
        if (claimed == 0) return; // another node claimed it, or it was cancelled meanwhile
        long started = System.nanoTime();
        try {
            Done done = work.run(row, new Progress(job, pk));
            int stored = db.update(job.table()).set(job.status(), DONE).set(job.progress(), 1.0).set(done.values())
                    .set(job.finishedAt(), OffsetDateTime.now())
                    .where(job.pk().eq(pk)).and(job.status().eq(RUNNING)).execute();
            if (stored == 0) { // cancelled after the work committed
                endCancelled(job, pk);
                return;
            }
            log.info("{} {} done: {} in {} s", job.label(), publicId, done.summary,
                    String.format("%.1f", (System.nanoTime() - started) / 1e9));
        } catch (Cancelled c) {
            endCancelled(job, pk);
        } catch (Exception e) {
            String message = e instanceof MotifException ? e.getMessage()
                    : "The " + job.noun() + " stopped unexpectedly (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); nothing was stored. Try again or tell the administrator.";
            if (!(e instanceof MotifException)) log.error("{} {} failed", job.label(), publicId, e);
            deletePartialRows(job, pk);
            db.update(job.table()).set(job.status(), FAILED).set(job.count(), 0L)
                    .set(job.error(), message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message)
                    .set(job.finishedAt(), OffsetDateTime.now())
                    .where(job.pk().eq(pk)).and(job.status().eq(RUNNING)).execute();
        }
    }

    /** A cancelled job's end: its rows removed, count 0 and finished_at set (status is already cancelled). */
    private void endCancelled(JobTable<?> job, long pk) {
        deletePartialRows(job, pk);
        db.update(job.table()).set(job.count(), 0L).set(job.finishedAt(), OffsetDateTime.now()).where(job.pk().eq(pk)).execute();
    }

    /** Belt and braces: the work's transaction was rolled back (or committed, then cancelled); remove what remains. */
    private void deletePartialRows(JobTable<?> job, long pk) {
        for (TableField<?, Long> fk : job.partialRows()) delete(fk, pk);
    }

    private <X extends Record> void delete(TableField<X, Long> fk, long pk) {
        db.deleteFrom(fk.getTable()).where(fk.eq(pk)).execute();
    }
}
