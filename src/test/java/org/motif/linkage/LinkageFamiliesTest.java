package org.motif.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.motif.linkage.TestPedigrees.AFF;
import static org.motif.linkage.TestPedigrees.UNAFF;
import static org.motif.linkage.TestPedigrees.UNKNOWN;
import static org.motif.linkage.TestPedigrees.person;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How families are formed, named, refused and summed. */
class LinkageFamiliesTest {

    static final DiseaseModel MODEL = new DiseaseModel(0.01, 0.01, 0.8, 0.8);

    /** Two brothers marry two sisters: a marriage loop. */
    static List<LinkageIndividual> doubleFirstCousinLoop() {
        return List.of(
                person("L1", "p1", null, null, 1, UNAFF), person("L1", "p2", null, null, 2, AFF),
                person("L1", "p3", null, null, 1, UNAFF), person("L1", "p4", null, null, 2, UNAFF),
                person("L1", "bro1", "p1", "p2", 1, AFF), person("L1", "bro2", "p1", "p2", 1, AFF),
                person("L1", "sis1", "p3", "p4", 2, UNAFF), person("L1", "sis2", "p3", "p4", 2, UNAFF),
                person("L1", "k1", "bro1", "sis1", 1, AFF), person("L1", "k2", "bro2", "sis2", 2, AFF));
    }

    @Test
    void a_family_with_a_marriage_loop_is_not_analysable_and_the_loop_is_named() {
        List<LinkageIndividual> people = new ArrayList<>(doubleFirstCousinLoop());
        people.addAll(TestPedigrees.textbook("HK1", 5, 0, true).pedigree().individuals());
        LinkageAnalysis a = LinkageAnalysis.prepare(new LinkagePedigree(people), List.of("k1", "k2", "bro1"), MODEL,
                LinkageAnalysis.DEFAULT_THETAS, AlleleFrequencySource.FOUNDERS);
        LinkageFamily loop = a.families().get(0);
        assertThat(loop.analysable()).isFalse();
        assertThat(loop.problem()).contains("loop").contains("bro1").contains("sis1").contains("bro2")
                .contains("sis2");
        MarkerLinkage r = a.analyse(new MarkerGenotypes("1:100:A:G", new byte[] {1, 1, 1}));
        assertEquals(FamilyLod.Status.NOT_ANALYSABLE, r.families().get(0).status());
        assertThat(r.families().get(0).lods()).containsOnly(Double.NaN);
        assertThat(a.families().get(1).analysable()).isTrue();
    }

    @Test
    void a_family_in_two_unconnected_groups_is_split_into_numbered_families() {
        List<LinkageIndividual> people = List.of(
                person("F001", "a1", null, null, 1, AFF), person("F001", "a2", null, null, 2, UNAFF),
                person("F001", "a3", "a1", "a2", 1, AFF),
                person("F001", "b1", null, null, 1, UNAFF), person("F001", "b2", null, null, 2, AFF),
                person("F001", "b3", "b1", "b2", 2, AFF),
                person("F002", "c1", null, null, 1, AFF));
        LinkageAnalysis a = LinkageAnalysis.prepare(new LinkagePedigree(people), List.of(), MODEL,
                LinkageAnalysis.DEFAULT_THETAS, AlleleFrequencySource.FOUNDERS);
        assertThat(a.families()).extracting(LinkageFamily::label).containsExactly("F001#1", "F001#2", "F002");
        assertThat(a.families().get(1).memberIds()).containsExactly("b1", "b2", "b3");
    }

    @Test
    void a_family_with_one_genotyped_member_or_none_scores_zero() {
        TestPedigrees.Family hk = TestPedigrees.textbook("HK1", 5, 0, true);
        LinkageAnalysis a = LinkageAnalysis.prepare(hk.pedigree(), List.of("father", "nobody"), MODEL,
                LinkageAnalysis.DEFAULT_THETAS, AlleleFrequencySource.FOUNDERS);
        FamilyLod one = a.analyse(new MarkerGenotypes("m", new byte[] {1, 2})).families().get(0);
        assertEquals(FamilyLod.Status.UNINFORMATIVE, one.status());
        assertThat(one.lods()).containsOnly(0.0);
        FamilyLod none = a.analyse(new MarkerGenotypes("m", new byte[] {-1, 2})).families().get(0);
        assertEquals(FamilyLod.Status.UNINFORMATIVE, none.status());
    }

    @Test
    void a_mendelian_error_makes_the_family_inconsistent_and_it_leaves_the_sum() {
        TestPedigrees.Family hk1 = TestPedigrees.textbook("HK1", 5, 0, true);
        byte[] bad = hk1.dosages().clone();
        bad[4] = 0; // first child REF/REF although the spouse is ALT/ALT
        List<LinkageIndividual> people = new ArrayList<>(hk1.pedigree().individuals());
        TestPedigrees.Family hk2 = TestPedigrees.textbook("HK2", 4, 1, true);
        List<String> samples = new ArrayList<>(hk1.samples());
        List<Byte> dos = new ArrayList<>();
        for (byte b : bad) {
            dos.add(b);
        }
        for (LinkageIndividual p : hk2.pedigree().individuals()) {
            people.add(new LinkageIndividual("HK2", p.id() + "_2", p.fatherId() == null ? null : p.fatherId() + "_2",
                    p.motherId() == null ? null : p.motherId() + "_2", p.sex(), p.affection()));
            samples.add(p.id() + "_2");
        }
        for (byte b : hk2.dosages()) {
            dos.add(b);
        }
        byte[] all = new byte[dos.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = dos.get(i);
        }
        LinkageAnalysis a = LinkageAnalysis.prepare(new LinkagePedigree(people), samples,
                TextbookFamiliesTest.FULL_DOMINANT, LinkageAnalysis.DEFAULT_THETAS, AlleleFrequencySource.INFO);
        MarkerLinkage r = a.analyse(new MarkerGenotypes("1:5:C:T", all, 0.5));
        assertEquals(FamilyLod.Status.INCONSISTENT, r.families().get(0).status());
        assertEquals(FamilyLod.Status.SCORED, r.families().get(1).status());
        // ALL = HK2 alone: 4·log10(2(1−θ)) + log10(2θ) at θ = 0.2
        assertEquals(4 * Math.log10(1.6) + Math.log10(0.4), r.totalLods()[4], 1e-9);
        assertEquals(Double.NEGATIVE_INFINITY, r.totalLods()[0]);
        assertEquals(0.2, r.thetaAtMax());
    }

    @Test
    void untyped_people_are_summed_over_not_dropped() {
        // HK1 with the phase-giving grandparents untyped but kept: the father's phase is unknown again, so the family
        // scores like HK3-type phase-unknown: log10(2^(n-1)[(1−θ)^n + θ^n]) for n = 5 at θ = 0.1
        TestPedigrees.Family hk = TestPedigrees.textbook("HK1", 5, 0, true);
        byte[] d = hk.dosages().clone();
        d[0] = MarkerGenotypes.MISSING;
        d[1] = MarkerGenotypes.MISSING;
        LinkageAnalysis a = LinkageAnalysis.prepare(hk.pedigree(), hk.samples(), TextbookFamiliesTest.FULL_DOMINANT,
                LinkageAnalysis.DEFAULT_THETAS, AlleleFrequencySource.INFO);
        double lod = a.analyse(new MarkerGenotypes("m", d, 0.5)).families().get(0).lods()[3];
        // grandfather affected and grandmother unaffected still tell the disease allele came from the grandfather,
        // but not with which marker allele: phase unknown
        assertEquals(Math.log10(Math.pow(2, 4) * (Math.pow(0.9, 5) + Math.pow(0.1, 5))), lod, 1e-4);
    }

    @Test
    void founder_frequencies_pool_all_families_and_fall_back_to_all_members() {
        TestPedigrees.Family hk = TestPedigrees.textbook("HK1", 2, 0, true);
        // samples: gf gm father spouse child1 child2
        LinkageAnalysis a = LinkageAnalysis.prepare(hk.pedigree(), hk.samples(), MODEL,
                LinkageAnalysis.DEFAULT_THETAS, AlleleFrequencySource.FOUNDERS);
        // founders gf (0), gm (2), spouse (2): 4 ALT of 6
        assertEquals(4 / 6.0, a.altFrequency(new MarkerGenotypes("m", new byte[] {0, 2, 1, 2, 1, 2})), 1e-12);
        // no founder typed: father 1, child1 1, child2 0 -> 2 of 6
        assertEquals(2 / 6.0, a.altFrequency(new MarkerGenotypes("m", new byte[] {-1, -1, 1, -1, 1, 0})), 1e-12);
        // monomorphic: floored at 0.001 and renormalised
        assertEquals(0.001 / 1.001, a.altFrequency(new MarkerGenotypes("m", new byte[] {0, 0, 0, 0, 0, 0})), 1e-12);
        LinkageAnalysis info = LinkageAnalysis.prepare(hk.pedigree(), hk.samples(), MODEL,
                LinkageAnalysis.DEFAULT_THETAS, AlleleFrequencySource.INFO);
        assertThrows(IllegalArgumentException.class,
                () -> info.altFrequency(new MarkerGenotypes("1:9:A:C", new byte[6])));
    }

    @Test
    void unknown_phenotypes_give_no_phenotype_information() {
        List<LinkageIndividual> people = List.of(person("U", "f", null, null, 1, UNKNOWN),
                person("U", "m", null, null, 2, UNKNOWN), person("U", "c1", "f", "m", 1, UNKNOWN),
                person("U", "c2", "f", "m", 2, UNKNOWN));
        LinkageAnalysis a = LinkageAnalysis.prepare(new LinkagePedigree(people), List.of("f", "m", "c1", "c2"),
                MODEL, LinkageAnalysis.DEFAULT_THETAS, AlleleFrequencySource.FOUNDERS);
        for (double x : a.analyse(new MarkerGenotypes("m", new byte[] {1, 0, 1, 0})).families().get(0).lods()) {
            assertEquals(0.0, x, 1e-12);
        }
    }

    @Test
    void hlod_maximises_alpha_on_the_grid() {
        // LODs 2 and -1: h(α) = log10(1 + 99α) + log10(1 − 0.9α), maximal at α = 98.1/178.2 = 0.5505 -> grid 0.55
        double[] h = LinkageMath.hlod(new double[] {2, -1});
        assertEquals(0.55, h[1], 1e-12);
        assertEquals(Math.log10(55.45) + Math.log10(0.505), h[0], 1e-12);
        assertThat(LinkageMath.hlod(new double[] {-0.5, 0, Double.NEGATIVE_INFINITY})).containsExactly(0, 0);
        // a family at -inf caps α below 1
        double[] capped = LinkageMath.hlod(new double[] {3, 3, Double.NEGATIVE_INFINITY});
        assertThat(capped[1]).isLessThan(1.0);
        assertThat(LinkageMath.hlod(new double[] {1, 2})).containsExactly(3, 1);
    }

    @Test
    void lods_and_hlod_are_written_as_the_api_says() throws Exception {
        TestPedigrees.Family hk = TestPedigrees.textbook("HK2", 4, 1, true);
        LinkageAnalysis a = LinkageAnalysis.prepare(hk.pedigree(), hk.samples(), TextbookFamiliesTest.FULL_DOMINANT,
                List.of(0.0, 0.2), AlleleFrequencySource.INFO);
        MarkerLinkage r = a.analyse(hk.marker("chr1:1234:A:G", 0.5));
        StringWriter lods = new StringWriter();
        lods.write(LodTsvWriter.LODS_HEADER);
        LodTsvWriter.writeLodRows(lods, r);
        assertEquals("""
                variant\tfamily\ttheta\tlod
                chr1:1234:A:G\tHK2\t0\t-inf
                chr1:1234:A:G\tHK2\t0.2\t0.418540
                chr1:1234:A:G\tALL\t0\t-inf
                chr1:1234:A:G\tALL\t0.2\t0.418540
                """, lods.toString());
        StringWriter hlod = new StringWriter();
        hlod.write(LodTsvWriter.HLOD_HEADER);
        LodTsvWriter.writeHlodRows(hlod, r);
        assertEquals("""
                variant\ttheta\thlod\talpha
                chr1:1234:A:G\t0\t0.000000\t0
                chr1:1234:A:G\t0.2\t0.418540\t1
                """, hlod.toString());
        assertEquals("NA", LodTsvWriter.formatLod(Double.NaN));
        assertEquals("0.000000", LodTsvWriter.formatLod(-1e-9));
    }

    @Test
    void presets_file_has_the_dominant_and_recessive_models() throws Exception {
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("genomics/linkage-models.yaml"))) {
            LinkagePresets p = LinkagePresets.read(in);
            assertEquals(LinkageAnalysis.DEFAULT_THETAS, p.thetas());
            assertEquals(new DiseaseModel(0.0001, 0.01, 0.7, 0.7), p.preset("dominant-70").model());
            assertEquals(new DiseaseModel(0.0001, 0.01, 0.5, 0.5), p.preset("dominant-50").model());
            assertEquals(new DiseaseModel(0.0001, 0.01, 0.9, 0.9), p.preset("dominant-90").model());
            assertEquals(0.9, p.preset("recessive-90").model().f2());
            assertThrows(IllegalArgumentException.class, () -> p.preset("x-linked"));
        }
    }
}
