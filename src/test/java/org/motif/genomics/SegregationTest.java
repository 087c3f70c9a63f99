package org.motif.genomics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.motif.genomics.Segregation.Affection.AFFECTED;
import static org.motif.genomics.Segregation.Affection.UNAFFECTED;
import static org.motif.genomics.Segregation.Affection.UNKNOWN;
import static org.motif.genomics.Segregation.Sex.FEMALE;
import static org.motif.genomics.Segregation.Sex.MALE;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.motif.genomics.Segregation.Member;
import org.motif.genomics.Segregation.Mode;
import org.motif.genomics.Segregation.Result;

/** Segregation verdicts on small named pedigrees. */
class SegregationTest {
    private static final byte R = Genotypes.HOM_REF;
    private static final byte H = Genotypes.HET;
    private static final byte V = Genotypes.HOM_VAR;

    /**
     * THREE_GENERATIONS: grandfather GF (affected) x GM (unaffected); their son F (untyped, unaffected) x
     * M (unaffected, marry-in); grandchildren C1 (affected), C2 (unaffected), C3 (affected).
     */
    private static final List<Member> THREE_GENERATIONS = List.of(
            new Member("GF", null, null, MALE, AFFECTED),
            new Member("GM", null, null, FEMALE, UNAFFECTED),
            new Member("F", "GF", "GM", MALE, UNAFFECTED),
            new Member("M", null, null, FEMALE, UNAFFECTED),
            new Member("C1", "F", "M", MALE, AFFECTED),
            new Member("C2", "F", "M", FEMALE, UNAFFECTED),
            new Member("C3", "F", "M", FEMALE, AFFECTED));

    /** TRIO: father, mother unaffected; affected daughter. */
    private static final List<Member> TRIO = List.of(
            new Member("P1", null, null, MALE, UNAFFECTED),
            new Member("P2", null, null, FEMALE, UNAFFECTED),
            new Member("K", "P1", "P2", FEMALE, AFFECTED));

    private static Map<String, Byte> gts(Object... idThenCode) {
        Map<String, Byte> m = new HashMap<>();
        for (int i = 0; i < idThenCode.length; i += 2) m.put((String) idThenCode[i], (Byte) idThenCode[i + 1]);
        return m;
    }

    @Test
    void an_untyped_unaffected_parent_between_carriers_is_an_obligate_carrier_and_reduced_penetrance_fits() {
        Result r = Segregation.evaluate("F01", THREE_GENERATIONS,
                gts("GF", H, "GM", R, "M", R, "C1", H, "C2", R, "C3", H), false, 0);
        assertThat(r.affectedCarriers()).isEqualTo(3);
        assertThat(r.affectedGenotyped()).isEqualTo(3);
        assertThat(r.unaffectedCarriers()).isZero();
        assertThat(r.unaffectedGenotyped()).isEqualTo(3);
        assertThat(r.obligateCarriers()).containsExactly("F");
        assertThat(r.modes()).containsExactlyInAnyOrder(Mode.DOMINANT_REDUCED_PENETRANCE);
    }

    @Test
    void complete_penetrance_fits_when_every_carrier_is_affected() {
        List<Member> typedFather = THREE_GENERATIONS.stream()
                .map(m -> m.id().equals("F") ? new Member("F", "GF", "GM", MALE, AFFECTED) : m).toList();
        Result r = Segregation.evaluate("F01", typedFather,
                gts("GF", H, "GM", R, "F", H, "M", R, "C1", H, "C2", R, "C3", H), false, 0);
        assertThat(r.obligateCarriers()).isEmpty();
        assertThat(r.modes()).containsExactlyInAnyOrder(Mode.DOMINANT_COMPLETE_PENETRANCE, Mode.DOMINANT_REDUCED_PENETRANCE);
    }

    @Test
    void an_affected_non_carrier_is_a_phenocopy_allowed_only_up_to_the_limit() {
        Map<String, Byte> g = gts("GF", H, "GM", R, "M", R, "C1", H, "C2", H, "C3", R);
        assertThat(Segregation.evaluate("F01", THREE_GENERATIONS, g, false, 0).modes()).doesNotContain(Mode.DOMINANT_REDUCED_PENETRANCE);
        Result one = Segregation.evaluate("F01", THREE_GENERATIONS, g, false, 1);
        assertThat(one.modes()).containsExactly(Mode.DOMINANT_REDUCED_PENETRANCE);
        assertThat(one.unaffectedCarriers()).isEqualTo(1);
    }

    @Test
    void recessive_fits_an_affected_homozygote_with_heterozygous_parents() {
        Result r = Segregation.evaluate("T", TRIO, gts("P1", H, "P2", H, "K", V), false, 0);
        assertThat(r.modes()).contains(Mode.RECESSIVE).doesNotContain(Mode.DE_NOVO, Mode.DOMINANT_COMPLETE_PENETRANCE);
        Result untypedParents = Segregation.evaluate("T", TRIO, gts("K", V), false, 0);
        assertThat(untypedParents.obligateCarriers()).containsExactly("P1", "P2");
    }

    @Test
    void de_novo_fits_a_heterozygous_affected_child_of_two_homozygous_reference_parents() {
        Result r = Segregation.evaluate("T", TRIO, gts("P1", R, "P2", R, "K", H), false, 0);
        assertThat(r.modes()).containsExactlyInAnyOrder(Mode.DE_NOVO, Mode.DOMINANT_COMPLETE_PENETRANCE, Mode.DOMINANT_REDUCED_PENETRANCE);
        assertThat(r.obligateCarriers()).isEmpty();
    }

    @Test
    void x_linked_fits_an_affected_hemizygous_son_of_an_untyped_mother_who_is_an_obligate_carrier() {
        List<Member> fam = List.of(
                new Member("D", null, null, MALE, UNAFFECTED),
                new Member("MO", null, null, FEMALE, UNKNOWN),
                new Member("S", "D", "MO", MALE, AFFECTED),
                new Member("B", "D", "MO", MALE, UNAFFECTED));
        Result r = Segregation.evaluate("X1", fam, gts("D", R, "S", V, "B", R), true, 0);
        assertThat(r.modes()).contains(Mode.X_LINKED).doesNotContain(Mode.RECESSIVE);
        assertThat(r.obligateCarriers()).containsExactly("MO");
        Result carrierBrother = Segregation.evaluate("X1", fam, gts("D", R, "S", V, "B", V), true, 0);
        assertThat(carrierBrother.modes()).doesNotContain(Mode.X_LINKED);
    }

    @Test
    void unknown_affection_and_no_calls_enter_no_count() {
        Result r = Segregation.evaluate("T", TRIO, gts("P1", Genotypes.NO_CALL, "K", H), false, 0);
        assertThat(r.affectedGenotyped()).isEqualTo(1);
        assertThat(r.unaffectedGenotyped()).isZero();
        assertThat(r.modes()).doesNotContain(Mode.DE_NOVO);
    }
}
