package org.motif.genomics;

import java.util.List;

import org.motif.base.ConflictException;
import org.motif.base.DemoContributor;
import org.motif.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo genotypes: imports {@code genomics/demo.vcf.gz} (samples = the demo families' participant ids)
 * through the ordinary import job, once (a second start finds the import by file name or sha256).
 */
@Component
class GenomicsDemoData implements DemoContributor {
    private static final Logger log = LoggerFactory.getLogger(GenomicsDemoData.class);
    static final String FILE = "genomics/demo.vcf.gz";
    private final VcfImportService imports;

    GenomicsDemoData(VcfImportService imports) {
        this.imports = imports;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void load() {
        var file = DemoContributor.demoFile(FILE).orElse(null);
        if (file == null) {
            log.warn("No {} here or in the jar; the demo VCF is not loaded.", FILE);
            return;
        }
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("demo", null,
                AuthorityUtils.createAuthorityList(Role.authorities(List.of(Role.ADMIN)).toArray(String[]::new))));
        try {
            if (imports.list().stream().anyMatch(i -> i.fileName().equals(file.getFileName().toString()))) return;
            var started = imports.submitFromServerPath(file);
            log.info("Demo VCF queued as import {}", started.id());
        } catch (ConflictException e) {
            log.info("Demo VCF already imported: {}", e.getMessage());
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
