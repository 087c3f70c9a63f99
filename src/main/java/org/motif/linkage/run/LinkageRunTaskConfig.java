package org.motif.linkage.run;

import static org.motif.db.Tables.LINKAGE_RESULT;
import static org.motif.db.Tables.LINKAGE_RUN;
import static org.motif.db.Tables.LINKAGE_RUN_FAMILY;

import java.util.List;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.motif.base.JobTable;
import org.motif.db.tables.records.LinkageRunRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The db-scheduler one-time task "linkage-run"; its data is the run id. */
@Configuration
public class LinkageRunTaskConfig {
    public static final String NAME = "linkage-run";

    /** linkage_run as a job table: a failed or cancelled run leaves no linkage_result or linkage_run_family rows. */
    static final JobTable<LinkageRunRecord> JOB = new JobTable<>("Linkage run", "linkage run", LINKAGE_RUN, LINKAGE_RUN.ID,
            LINKAGE_RUN.RUN_ID, LINKAGE_RUN.STATUS, LINKAGE_RUN.PROGRESS, LINKAGE_RUN.VARIANTS, LINKAGE_RUN.STARTED_AT,
            LINKAGE_RUN.FINISHED_AT, LINKAGE_RUN.ERROR, List.of(LINKAGE_RESULT.RUN_PK, LINKAGE_RUN_FAMILY.RUN_PK));

    @Bean
    OneTimeTask<String> linkageRunTask(LinkageRunner runner) {
        return Tasks.oneTime(NAME, String.class).execute((instance, ctx) -> runner.run(instance.getData()));
    }
}
