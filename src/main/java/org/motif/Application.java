package org.motif;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Motif: questionnaires, pedigrees, genomics and linkage for research on musician's dystonia.
 * Start with {@code --demo} to load the demo study (same as {@code motif.demo=true}).
 */
@SpringBootApplication
@EnableScheduling
@Theme("motif")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
@PWA(name = "Motif", shortName = "Motif")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        // jOOQ's banner and "tip of the day" cost start-up time and log noise
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        SpringApplication.run(Application.class, translateFlags(args));
    }

    /** {@code --demo} is the short form of {@code --motif.demo=true}. */
    static String[] translateFlags(String[] args) {
        return Arrays.stream(args).map(a -> a.equals("--demo") ? "--motif.demo=true" : a).toArray(String[]::new);
    }
}
