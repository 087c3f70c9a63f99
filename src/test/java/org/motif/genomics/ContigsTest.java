package org.motif.genomics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The per-row contig tests agree with the normalised name they avoid building. */
class ContigsTest {
    @Test
    void x_and_autosomes_are_told_apart_as_the_normalised_name_says() {
        for (String c : List.of("chrX", "X", "x", "chrx", "CHRX", "ChrX", "chrY", "y", "chrM", "M", "MT", "chrMT", "chrmt",
                "chr1", "1", "22", "chr22", "chrUn_gl000220", "chrX_random", "GL000192.1", "chr", "XY", "")) {
            String n = Contigs.normalize(c);
            assertThat(Contigs.isX(c)).as(c).isEqualTo(n.equals("X"));
            assertThat(Contigs.isAutosome(c)).as(c).isEqualTo(!Set.of("X", "Y", "MT").contains(n));
        }
        assertThat(Contigs.isX("chrX")).isTrue();
        assertThat(Contigs.isAutosome("chrMT")).isFalse();
        assertThat(Contigs.isAutosome("chrX_random")).isTrue();
    }
}
