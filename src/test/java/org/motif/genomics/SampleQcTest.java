package org.motif.genomics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.motif.genomics.SampleQc.Sex;

/**
 * Hand-counted fixture: samples M (recorded male), F (female) and S (recorded female, male-like X),
 * seven imported records and one skipped. Expected values are counted by hand in the comments.
 */
class SampleQcTest {
    private static final int H = Genotypes.HAPLOID;
    private static final int N = Genotypes.MISSING_ALLELE;

    private static VcfRecord rec(String contig, int pos, int[] alleles, int[] dp, SkipReason skip) {
        return new VcfRecord(1, contig, pos, null, "A", List.of("G"), 50.0, "PASS", List.of(), List.of(), List.of(),
                alleles, new int[] {-1, -1, -1}, dp, skip);
    }

    private static List<VcfRecord> records() {
        List<VcfRecord> r = new ArrayList<>();
        //                                         M       F       S              DP M, F, S
        r.add(rec("chr1", 1000, new int[] {0, 1, 0, 0, N, N}, new int[] {10, 20, -1}, null));
        r.add(rec("1", 2000, new int[] {1, 1, 0, 1, 0, 0}, new int[] {30, 40, 5}, null));
        r.add(rec("chrX", 5_000_000, new int[] {1, 1, 0, 1, 1, 1}, new int[] {12, 8, 10}, null));
        r.add(rec("chrX", 6_000_000, new int[] {1, H, 1, 1, 0, 0}, new int[] {-1, -1, -1}, null));
        r.add(rec("X", 7_000_000, new int[] {0, 1, 0, 1, 1, 1}, new int[] {20, 20, 20}, null));
        r.add(rec("chrX", 8_000_000, new int[] {1, 1, 0, 1, 1, 1}, new int[] {20, 20, 20}, null));
        // in PAR1 of GRCh38 (10,001-2,781,479), outside PAR1 of GRCh37 (60,001-2,699,520)
        r.add(rec("chrX", 2_750_000, new int[] {0, 1, 0, 1, 0, 1}, new int[] {20, 20, 20}, null));
        r.add(rec("chrX", 9_000_000, new int[] {0, 1, 0, 1, 0, 1}, new int[] {99, 99, 99}, SkipReason.SYMBOLIC_ALLELE));
        return r;
    }

    private static List<SampleQc.Result> run(String build, SampleQc.Thresholds t, Map<String, Integer> mendelian) {
        SampleQc qc = new SampleQc(List.of("M", "F", "S"), List.of("P-M", "P-F", "P-S"), List.of(Sex.MALE, Sex.FEMALE, Sex.FEMALE), build, t);
        records().forEach(qc::add);
        return qc.results(mendelian);
    }

    private static SampleQc.Result of(List<SampleQc.Result> rs, String sample) {
        return rs.stream().filter(r -> r.sample().equals(sample)).findFirst().orElseThrow();
    }

    @Test
    void call_rate_and_mean_depth_count_imported_records_only() {
        var rs = run("GRCh38", new SampleQc.Thresholds(3, 0.2, 0.1), Map.of());
        // 7 imported records; S is missing at chr1:1000 -> 6/7; DP M 10+30+12+20+20+20=112/6, F 128/6, S 5+10+20+20+20=75/5
        assertThat(of(rs, "M").sites()).isEqualTo(7);
        assertThat(of(rs, "M").calls()).isEqualTo(7);
        assertThat(of(rs, "M").callRate()).isEqualTo(1.0);
        assertThat(of(rs, "S").calls()).isEqualTo(6);
        assertThat(of(rs, "S").callRate()).isEqualTo(0.8571);
        assertThat(of(rs, "M").meanDepth()).isEqualTo(18.7);
        assertThat(of(rs, "F").meanDepth()).isEqualTo(21.3);
        assertThat(of(rs, "S").meanDepth()).isEqualTo(15.0);
    }

    @Test
    void sex_check_flags_a_heterozygous_male_and_a_female_without_heterozygous_x_calls_on_grch38() {
        var rs = run("GRCh38", new SampleQc.Thresholds(3, 0.2, 0.1), Map.of());
        // non-PAR X: 5.0, 6.0 (haploid ALT), 7.0, 8.0 Mb. M: 1/1, 1, 0/1, 1/1 -> 1 het of 4 = 0.25 > 0.2
        assertThat(of(rs, "M").xNonRefCalls()).isEqualTo(4);
        assertThat(of(rs, "M").xHet()).isEqualTo(1);
        assertThat(of(rs, "M").xHetRate()).isEqualTo(0.25);
        assertThat(of(rs, "M").sexCheck()).isEqualTo("mismatch");
        assertThat(of(rs, "M").sexCheckNote()).contains("recorded male", "1 of 4");
        // F: 0/1, 1/1, 0/1, 0/1 -> 3 of 4
        assertThat(of(rs, "F").xHetRate()).isEqualTo(0.75);
        assertThat(of(rs, "F").sexCheck()).isEqualTo("ok");
        assertThat(of(rs, "F").sexCheckNote()).isNull();
        // S: 1/1, 0/0, 1/1, 1/1 -> 0 of 3
        assertThat(of(rs, "S").xNonRefCalls()).isEqualTo(3);
        assertThat(of(rs, "S").xHetRate()).isEqualTo(0.0);
        assertThat(of(rs, "S").sexCheck()).isEqualTo("mismatch");
        assertThat(of(rs, "S").sexCheckNote()).contains("recorded female", "looks male");
    }

    @Test
    void the_par_boundaries_follow_the_recorded_build() {
        assertThat(SampleQc.inPar("GRCh38", 2_750_000)).isTrue();
        assertThat(SampleQc.inPar("GRCh37", 2_750_000)).isFalse();
        assertThat(SampleQc.inPar("GRCh37", 60_001)).isTrue();
        assertThat(SampleQc.inPar("GRCh37", 60_000)).isFalse();
        assertThat(SampleQc.inPar("GRCh38", 155_701_383)).isTrue();
        assertThat(SampleQc.inPar("GRCh38", 155_701_382)).isFalse();
        assertThat(SampleQc.inPar(null, 2_750_000)).isTrue();
        // on GRCh37 chrX:2,750,000 counts: M 2 of 5, F 4 of 5, S 1 of 4 (no longer flagged)
        var rs = run("GRCh37", new SampleQc.Thresholds(3, 0.2, 0.1), Map.of());
        assertThat(of(rs, "M").xHetRate()).isEqualTo(0.4);
        assertThat(of(rs, "F").xHetRate()).isEqualTo(0.8);
        assertThat(of(rs, "S").xHetRate()).isEqualTo(0.25);
        assertThat(of(rs, "S").sexCheck()).isEqualTo("ok");
    }

    @Test
    void with_too_few_x_sites_or_no_recorded_sex_nothing_is_flagged() {
        var rs = run("GRCh38", SampleQc.Thresholds.DEFAULT, Map.of());
        assertThat(rs).extracting(SampleQc.Result::sexCheck).containsOnly("too_few_sites");
        assertThat(of(rs, "M").sexCheckNote()).contains("4 non-reference calls", "at least 10");
        SampleQc qc = new SampleQc(List.of("U"), java.util.Arrays.asList((String) null), java.util.Arrays.asList((Sex) null), "GRCh38",
                SampleQc.Thresholds.DEFAULT);
        assertThat(qc.results(Map.of()).get(0).sexCheck()).isEqualTo("no_recorded_sex");
        assertThat(qc.results(Map.of()).get(0).callRate()).isEqualTo(0.0);
        assertThat(qc.results(Map.of()).get(0).meanDepth()).isNull();
    }

    @Test
    void the_samples_with_most_mendelian_errors_come_first() {
        var rs = run("GRCh38", SampleQc.Thresholds.DEFAULT, Map.of("P-S", 2, "P-M", 1));
        assertThat(rs).extracting(SampleQc.Result::sample).containsExactly("S", "M", "F");
        assertThat(rs).extracting(SampleQc.Result::mendelianErrors).containsExactly(2, 1, 0);
    }
}
