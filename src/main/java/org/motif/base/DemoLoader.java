package org.motif.base;

import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the demo study from {@code genomics/} and {@code questionnaires/} when asked to; otherwise nothing. */
@Component
@Order(10)
class DemoLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private final List<DemoContributor> contributors;
    private final boolean demo;

    DemoLoader(List<DemoContributor> contributors, @Value("${motif.demo:false}") boolean demo) {
        this.contributors = contributors;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo) return;
        contributors.stream().sorted(Comparator.comparingInt(DemoContributor::order)).forEach(c -> {
            log.info("Loading demo data: {}", c.getClass().getSimpleName());
            c.load();
        });
    }
}
