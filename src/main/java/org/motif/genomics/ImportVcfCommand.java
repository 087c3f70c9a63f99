package org.motif.genomics;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * {@code --import-vcf=/path/file.vcf.gz} on start: queues the file as an import through the same
 * code as an upload (for files too big for a browser); follow it on the Imports page or with
 * {@code GET /api/v1/vcf-imports/{id}}.
 */
@Component
public class ImportVcfCommand implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(ImportVcfCommand.class);
    private final VcfImportService imports;

    public ImportVcfCommand(VcfImportService imports) {
        this.imports = imports;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("import-vcf")) return;
        for (String value : args.getOptionValues("import-vcf")) {
            Path path = Path.of(value);
            if (!Files.isReadable(path)) {
                log.error("--import-vcf: cannot read {}", path.toAbsolutePath());
                continue;
            }
            try {
                VcfImportService.Started s = imports.submitFromServerPath(path);
                log.info("--import-vcf: {} queued as import {}", path, s.id());
            } catch (RuntimeException e) {
                log.error("--import-vcf: {} refused: {}", path, e.getMessage());
            }
        }
    }
}
