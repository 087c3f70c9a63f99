package org.motif.pedigree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.motif.pedigree.PedigreeDrawing.Line;

class PedigreeLayoutTest {
    static final String NUCLEAR = "F1 f 0 0 1 1\nF1 m 0 0 2 2\nF1 c1 f m 1 2\nF1 c2 f m 2 1\nF1 c3 f m 2 0\n";
    static final String THREE_GEN = """
            F2 gf 0 0 1 2
            F2 gm 0 0 2 1
            F2 a gf gm 1 2
            F2 b gf gm 2 1
            F2 c gf gm 1 1
            F2 aw 0 0 2 1
            F2 bh 0 0 1 1
            F2 a1 a aw 1 2
            F2 a2 a aw 2 1
            F2 b1 bh b 2 2
            F2 b2 bh b 1 1
            F2 b3 bh b 2 0
            """;
    static final String HALF_SIBS = "F3 f 0 0 1 2\nF3 m1 0 0 2 1\nF3 m2 0 0 2 1\nF3 x1 f m1 1 2\nF3 x2 f m1 2 1\nF3 y1 f m2 1 1\nF3 y2 f m2 2 2\n";
    /** First cousins marry: one loop. */
    static final String CONSANGUINEOUS = """
            F4 gf 0 0 1 1
            F4 gm 0 0 2 1
            F4 s1 gf gm 1 1
            F4 s2 gf gm 2 1
            F4 w1 0 0 2 1
            F4 h2 0 0 1 1
            F4 c1 s1 w1 1 1
            F4 c2 h2 s2 2 1
            F4 k1 c1 c2 1 2
            F4 k2 c1 c2 2 1
            """;

    static List<Individual> ped(String text) {
        PedFile f = PedReader.read(text, false);
        assertThat(f.problems()).isEmpty();
        return f.records().stream().map(PedRecord::individual).toList();
    }

    /** 60 members over 4 generations: a founder couple, 4 children with spouses, 3 grandchildren each with spouses, great-grandchildren. */
    static List<Individual> sixty() {
        List<Individual> out = new ArrayList<>();
        out.add(Individual.of("F5", "g0m", null, null, Sex.MALE, Affection.AFFECTED));
        out.add(Individual.of("F5", "g0f", null, null, Sex.FEMALE, Affection.UNAFFECTED));
        int n = 0;
        for (int a = 0; a < 4; a++) {
            String child = "c" + a, spouse = "s" + a;
            boolean male = a % 2 == 0;
            out.add(Individual.of("F5", child, "g0m", "g0f", male ? Sex.MALE : Sex.FEMALE, Affection.UNKNOWN));
            out.add(Individual.of("F5", spouse, null, null, male ? Sex.FEMALE : Sex.MALE, Affection.UNKNOWN));
            for (int b = 0; b < 3; b++) {
                String gc = "gc" + a + b, gs = "gs" + a + b;
                String fa = male ? child : spouse, mo = male ? spouse : child;
                boolean gmale = b % 2 == 1;
                out.add(Individual.of("F5", gc, fa, mo, gmale ? Sex.MALE : Sex.FEMALE, Affection.AFFECTED));
                {
                    out.add(Individual.of("F5", gs, null, null, gmale ? Sex.FEMALE : Sex.MALE, Affection.UNKNOWN));
                    for (int c = 0; c < (a == 0 && b == 0 ? 4 : 2); c++) {
                        out.add(Individual.of("F5", "ggc" + a + b + c, gmale ? gc : gs, gmale ? gs : gc, c % 2 == 0 ? Sex.MALE : Sex.FEMALE, Affection.UNKNOWN));
                        n++;
                    }
                }
            }
        }
        assertThat(out).hasSize(60);
        return out;
    }

    /** Asserts that no two symbols of a row are closer than the spacing and returns the number of line crossings. */
    static int checkNoOverlapAndCountCrossings(List<Individual> members) {
        var l = PedigreeLayout.layout(members, List.of());
        assertThat(l.nodes()).hasSize(members.size());
        for (var a : l.nodes()) {
            for (var b : l.nodes()) {
                if (a == b) continue;
                boolean overlap = Math.abs(a.x() - b.x()) < PedigreeLayout.H_SPACING - 1e-6 && Math.abs(a.y() - b.y()) < PedigreeLayout.V_SPACING - 1e-6;
                assertThat(overlap).as("%s and %s overlap at (%s,%s) (%s,%s)", a.id(), b.id(), a.x(), a.y(), b.x(), b.y()).isFalse();
            }
        }
        return crossings(PedigreeDrawing.lines(l));
    }

    static int crossings(List<Line> lines) {
        int n = 0;
        for (int i = 0; i < lines.size(); i++) for (int j = i + 1; j < lines.size(); j++) if (properlyCross(lines.get(i), lines.get(j))) n++;
        return n;
    }

    private static boolean properlyCross(Line a, Line b) {
        double d1 = cross(b, a.x1(), a.y1()), d2 = cross(b, a.x2(), a.y2()), d3 = cross(a, b.x1(), b.y1()), d4 = cross(a, b.x2(), b.y2());
        return ((d1 > 1e-6 && d2 < -1e-6) || (d1 < -1e-6 && d2 > 1e-6)) && ((d3 > 1e-6 && d4 < -1e-6) || (d3 < -1e-6 && d4 > 1e-6));
    }

    private static double cross(Line l, double x, double y) {
        return (l.x2() - l.x1()) * (y - l.y1()) - (l.y2() - l.y1()) * (x - l.x1());
    }

    @Test
    void nuclear_family_has_two_rows_no_overlap_and_no_crossing() {
        assertThat(checkNoOverlapAndCountCrossings(ped(NUCLEAR))).isZero();
        var l = PedigreeLayout.layout(ped(NUCLEAR), List.of());
        assertThat(l.generations()).isEqualTo(2);
        // parents centred over their children
        double mid = (l.node("f").x() + l.node("m").x()) / 2;
        assertThat(mid).isCloseTo(l.node("c2").x(), org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void three_generations_with_marry_ins_put_spouses_beside_partners_without_crossings() {
        var l = PedigreeLayout.layout(ped(THREE_GEN), List.of());
        assertThat(l.generations()).isEqualTo(3);
        assertThat(l.node("aw").generation()).isEqualTo(1);
        assertThat(Math.abs(l.node("aw").x() - l.node("a").x())).isEqualTo(PedigreeLayout.H_SPACING);
        assertThat(Math.abs(l.node("bh").x() - l.node("b").x())).isEqualTo(PedigreeLayout.H_SPACING);
        assertThat(checkNoOverlapAndCountCrossings(ped(THREE_GEN))).isZero();
    }

    @Test
    void half_siblings_stand_under_their_own_couple_and_father_between_partners() {
        var l = PedigreeLayout.layout(ped(HALF_SIBS), List.of());
        double f = l.node("f").x();
        assertThat(Math.min(l.node("m1").x(), l.node("m2").x())).isLessThan(f);
        assertThat(Math.max(l.node("m1").x(), l.node("m2").x())).isGreaterThan(f);
        assertThat(checkNoOverlapAndCountCrossings(ped(HALF_SIBS))).isZero();
    }

    @Test
    void consanguineous_loop_gets_a_double_line_and_at_most_one_crossing() {
        var l = PedigreeLayout.layout(ped(CONSANGUINEOUS), List.of());
        assertThat(l.couples()).filteredOn(PedigreeLayout.CoupleLine::consanguineous).singleElement()
                .satisfies(c -> assertThat(List.of(c.left(), c.right())).containsExactlyInAnyOrder("c1", "c2"));
        assertThat(checkNoOverlapAndCountCrossings(ped(CONSANGUINEOUS))).isLessThanOrEqualTo(1);
    }

    @Test
    void sixty_members_over_four_generations_have_no_overlap_and_no_crossing() {
        var members = sixty();
        assertThat(members).hasSize(60);
        assertThat(checkNoOverlapAndCountCrossings(members)).isZero();
        assertThat(PedigreeLayout.layout(members, List.of()).generations()).isEqualTo(4);
    }

    @Test
    void svg_uses_standard_symbols_patterns_and_numerals() {
        var members = new ArrayList<>(ped(THREE_GEN));
        members.replaceAll(i -> i.id().equals("a1") ? i.withProband(true).withPhenotype(new PhenotypeDetail(DystoniaType.MUSICIANS_FOCAL_HAND_DYSTONIA,
                null, null, "piano", null, 31, null, null, List.of(), null, null, null)) : i.id().equals("gf") ? i.withDeceased(true) : i);
        String svg = PedigreeDrawing.svg(members, List.of(), "F2", "participant/");
        assertThat(svg).startsWith("<svg").contains(">I<").contains(">II<").contains(">III<")
                .contains("url(#pat-musicians_focal_hand_dystonia)").contains("marker-end=\"url(#arrowhead)\"")
                .contains("onset 31 y").contains("href=\"participant/a1\"").contains("<circle").contains("<rect");
        byte[] png = PedigreeDrawing.png(members, List.of(), "F2");
        assertThat(png).startsWith(new byte[]{(byte) 0x89, 'P', 'N', 'G'});
    }

    @Test
    void drawings_of_the_five_shapes_are_written_for_looking_at() throws Exception {
        var dir = java.nio.file.Path.of("target", "pedigree-drawings");
        java.nio.file.Files.createDirectories(dir);
        var three = new ArrayList<>(ped(THREE_GEN));
        three.replaceAll(i -> switch (i.id()) {
            case "a1" -> i.withProband(true).withPhenotype(new PhenotypeDetail(DystoniaType.MUSICIANS_FOCAL_HAND_DYSTONIA, null, null, "piano", null, 31,
                    null, null, List.of(), null, null, null));
            case "b1" -> i.withPhenotype(new PhenotypeDetail(DystoniaType.EMBOUCHURE_DYSTONIA, null, null, "trumpet", null, 45, null, null, List.of(), null, null, null));
            case "gf" -> i.withDeceased(true).withPhenotype(new PhenotypeDetail(DystoniaType.WRITERS_CRAMP, null, null, null, null, 50, null, null, List.of(), null, null, null));
            case "b2", "b3" -> i.withTwins("t1", "monozygotic");
            default -> i;
        });
        var shapes = java.util.Map.of("nuclear", ped(NUCLEAR), "three-generations", three, "half-siblings", ped(HALF_SIBS),
                "consanguineous", ped(CONSANGUINEOUS), "sixty", sixty());
        for (var e : shapes.entrySet()) {
            java.nio.file.Files.writeString(dir.resolve(e.getKey() + ".svg"), PedigreeDrawing.svg(e.getValue(), List.of(), e.getKey(), null));
            java.nio.file.Files.write(dir.resolve(e.getKey() + ".png"), PedigreeDrawing.png(e.getValue(), List.of(), e.getKey()));
        }
        assertThat(dir.resolve("sixty.png")).exists();
    }
}
