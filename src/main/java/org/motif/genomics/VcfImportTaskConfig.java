package org.motif.genomics;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The db-scheduler one-time task "vcf-import"; its data is the import id. */
@Configuration
public class VcfImportTaskConfig {
    public static final String NAME = "vcf-import";

    @Bean
    OneTimeTask<String> vcfImportTask(VcfImportRunner runner) {
        return Tasks.oneTime(NAME, String.class).execute((instance, ctx) -> runner.run(instance.getData()));
    }
}
