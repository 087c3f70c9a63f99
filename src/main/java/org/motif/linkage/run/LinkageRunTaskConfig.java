package org.motif.linkage.run;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The db-scheduler one-time task "linkage-run"; its data is the run id. */
@Configuration
public class LinkageRunTaskConfig {
    public static final String NAME = "linkage-run";

    @Bean
    OneTimeTask<String> linkageRunTask(LinkageRunner runner) {
        return Tasks.oneTime(NAME, String.class).execute((instance, ctx) -> runner.run(instance.getData()));
    }
}
