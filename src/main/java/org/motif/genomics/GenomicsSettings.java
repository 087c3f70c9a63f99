package org.motif.genomics;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Genomics configuration: {@code motif.genomics.af-key} (INFO key of the allele frequency, default AF
 * with gnomAD_AF as fallback), {@code motif.genomics.max-phenocopies} (default 0) and where uploaded
 * VCFs are kept ({@code ${motif.data-dir}/vcf}).
 */
@Component
public class GenomicsSettings {
    private final String afKey;
    private final int maxPhenocopies;
    private final Path storage;

    public GenomicsSettings(@Value("${motif.genomics.af-key:AF}") String afKey,
                            @Value("${motif.genomics.max-phenocopies:0}") int maxPhenocopies,
                            @Value("${motif.data-dir:./data}") String dataDir) {
        this.afKey = afKey;
        this.maxPhenocopies = maxPhenocopies;
        this.storage = Path.of(dataDir, "vcf");
    }

    public String afKey() {
        return afKey;
    }

    public int maxPhenocopies() {
        return maxPhenocopies;
    }

    public Path storage() {
        return storage;
    }
}
