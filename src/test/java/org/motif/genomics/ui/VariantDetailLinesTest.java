package org.motif.genomics.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.motif.genomics.VariantQueryService.MemberGenotype;
import org.motif.genomics.VariantQueryService.VariantGenotypes;
import org.motif.pedigree.Affection;
import org.motif.pedigree.Individual;
import org.motif.pedigree.Sex;

class VariantDetailLinesTest {
    @Test
    void each_member_gets_the_genotype_and_gq_dp_or_not_in_vcf_or_withdrawn() {
        List<Individual> members = List.of(
                Individual.of("F", "a", null, null, Sex.MALE, Affection.AFFECTED),
                Individual.of("F", "b", null, null, Sex.FEMALE, Affection.UNAFFECTED),
                Individual.of("F", "c", "a", "b", Sex.FEMALE, Affection.AFFECTED),
                Individual.of("F", "d", "a", "b", Sex.MALE, Affection.UNKNOWN));
        var g = new VariantGenotypes("chr8:1:G:A", "vcf-1", Map.of(
                "a", new MemberGenotype("a", "0/1", 57, 31),
                "c", new MemberGenotype("c", "./.", null, 2)), Set.of("d"));
        var lines = VariantDetailPanel.lines(members, g);
        assertThat(lines.get("a")).containsExactly("0/1", "GQ 57 · DP 31");
        assertThat(lines.get("b")).containsExactly("not in VCF");
        assertThat(lines.get("c")).containsExactly("./.", "GQ . · DP 2");
        assertThat(lines.get("d")).containsExactly("withdrawn: not used");
    }
}
