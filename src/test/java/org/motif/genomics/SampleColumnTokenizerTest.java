package org.motif.genomics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import org.junit.jupiter.api.Test;

/** The hand-written FORMAT/sample tokenizer gives, record for record, what htsjdk decodes. */
class SampleColumnTokenizerTest {

    private static void assertSameAsHtsjdk(Path path) throws IOException {
        List<VcfRecord> ours = Fixtures.readAll(path);
        int n = 0;
        try (VCFFileReader htsjdk = new VCFFileReader(path, false)) {
            Iterator<VariantContext> it = htsjdk.iterator();
            for (VcfRecord r : ours) {
                VariantContext vc = it.next();
                assertThat(r.position()).isEqualTo(vc.getStart());
                for (int s = 0; s < vc.getNSamples(); s++) {
                    Genotype g = vc.getGenotype(s);
                    List<Allele> alleles = g.getAlleles();
                    int a = alleles.get(0).isNoCall() ? Genotypes.MISSING_ALLELE : vc.getAlleleIndex(alleles.get(0));
                    int b = alleles.size() < 2 ? (a == Genotypes.MISSING_ALLELE ? Genotypes.MISSING_ALLELE : Genotypes.HAPLOID)
                            : alleles.get(1).isNoCall() ? Genotypes.MISSING_ALLELE : vc.getAlleleIndex(alleles.get(1));
                    String where = path.getFileName() + " line " + r.line() + " sample " + s;
                    assertThat(new int[] {r.alleles()[2 * s], r.alleles()[2 * s + 1]}).as(where + " GT").containsExactly(a, b);
                    assertThat(r.gq()[s]).as(where + " GQ").isEqualTo(g.hasGQ() ? g.getGQ() : -1);
                    assertThat(r.dp()[s]).as(where + " DP").isEqualTo(g.hasDP() ? g.getDP() : -1);
                    n++;
                }
            }
            assertThat(it.hasNext()).isFalse();
        }
        assertThat(n).isPositive();
    }

    @Test
    void genotypes_depths_and_qualities_equal_htsjdk_on_a_bgzip_file_with_multiallelic_sites() throws IOException {
        assertSameAsHtsjdk(Fixtures.file("fixture-small.vcf.gz"));
    }

    @Test
    void genotypes_equal_htsjdk_on_the_family_fixture() throws IOException {
        assertSameAsHtsjdk(Fixtures.file("fixture-family.vcf"));
    }

    @Test
    void haploid_and_partly_missing_calls_equal_htsjdk() throws IOException {
        assertSameAsHtsjdk(Fixtures.file("fixture-edge.vcf"));
    }
}
