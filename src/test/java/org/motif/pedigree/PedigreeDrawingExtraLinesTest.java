package org.motif.pedigree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The optional text lines under a symbol (used for genotypes in the variant detail). */
class PedigreeDrawingExtraLinesTest {
    private static final List<Individual> TRIO = List.of(
            Individual.of("T1", "dad", null, null, Sex.MALE, Affection.AFFECTED),
            Individual.of("T1", "mum", null, null, Sex.FEMALE, Affection.UNAFFECTED),
            Individual.of("T1", "kid", "dad", "mum", Sex.FEMALE, Affection.AFFECTED));

    @Test
    void extra_lines_are_drawn_under_the_labels_of_the_named_individuals_only() {
        String svg = PedigreeDrawing.svg(TRIO, List.of(), "T1", null, Map.of("dad", List.of("0/1", "GQ 57 · DP 31"), "kid", List.of("./.")));
        assertThat(svg.split("class=\"ped-extra\"", -1)).hasSize(4);
        assertThat(svg).contains(">0/1</text>", ">GQ 57 · DP 31</text>", ">./.</text>");
        PedigreeLayout.Result l = PedigreeLayout.layout(TRIO, List.of());
        PedigreeLayout.Node dad = l.node("dad");
        int labels = 1; // id only: no onset, birth year or phenotype detail
        double y = dad.y() + PedigreeDrawing.R + 14 + labels * 13;
        assertThat(svg).contains(String.format(java.util.Locale.ROOT, "y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" fill=\"#0b4f8a\">0/1<", y));
    }

    @Test
    void without_extra_lines_the_drawing_is_unchanged() {
        assertThat(PedigreeDrawing.svg(TRIO, List.of(), "T1", null, Map.of())).isEqualTo(PedigreeDrawing.svg(TRIO, List.of(), "T1", null))
                .doesNotContain("ped-extra");
    }
}
