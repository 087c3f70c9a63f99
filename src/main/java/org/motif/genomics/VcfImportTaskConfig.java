package org.motif.genomics;

import static org.motif.db.Tables.VARIANT;
import static org.motif.db.Tables.VCF_IMPORT;
import static org.motif.db.Tables.VCF_SAMPLE;

import java.util.List;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.motif.base.JobTable;
import org.motif.db.tables.records.VcfImportRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The db-scheduler one-time task "vcf-import"; its data is the import id. */
@Configuration
public class VcfImportTaskConfig {
    public static final String NAME = "vcf-import";

    /** vcf_import as a job table: a failed or cancelled import leaves no variant or vcf_sample rows. */
    static final JobTable<VcfImportRecord> JOB = new JobTable<>("VCF import", "import", VCF_IMPORT, VCF_IMPORT.ID,
            VCF_IMPORT.IMPORT_ID, VCF_IMPORT.STATUS, VCF_IMPORT.PROGRESS, VCF_IMPORT.VARIANTS, VCF_IMPORT.STARTED_AT,
            VCF_IMPORT.FINISHED_AT, VCF_IMPORT.ERROR, List.of(VARIANT.IMPORT_PK, VCF_SAMPLE.IMPORT_PK));

    @Bean
    OneTimeTask<String> vcfImportTask(VcfImportRunner runner) {
        return Tasks.oneTime(NAME, String.class).execute((instance, ctx) -> runner.run(instance.getData()));
    }
}
