package org.motif.participant;

import org.springframework.boot.autoconfigure.jooq.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * jOOQ is generated with {@code recordVersionFields=version}; this makes {@code UpdatableRecord.store()}
 * check that version, so a stale edit fails with {@code DataChangedException} instead of overwriting.
 */
@Configuration
class OptimisticLockingConfig {
    @Bean
    DefaultConfigurationCustomizer optimisticLocking() {
        return c -> c.settings().withExecuteWithOptimisticLocking(true);
    }
}
