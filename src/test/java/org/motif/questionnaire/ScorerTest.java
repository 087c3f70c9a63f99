package org.motif.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.motif.questionnaire.Shipped.answers;
import static org.motif.questionnaire.Shipped.repeat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.motif.base.ValidationException;

/**
 * Every scale of every shipped instrument against vectors computed by hand from the published keys
 * (GAD-7: Spitzer et al. 2006; FMPS: Frost et al. 1990; STAI form Y: Spielberger et al. 1983).
 */
class ScorerTest {

    static ScaleScore scale(ScoreResult r, String id) {
        return r.scale(id).orElseThrow();
    }

    @Nested
    class Gad7 {
        final InstrumentDefinition d = Shipped.load("gad7");

        @Test
        void all_zero_is_zero_and_minimal() {
            assertThat(scale(Scorer.score(d, answers("gad7", repeat(0, 7))), "total")).isEqualTo(new ScaleScore("total", 0.0, 7, 7, false, "minimal"));
        }

        @Test
        void all_three_is_twenty_one_and_severe() {
            assertThat(scale(Scorer.score(d, answers("gad7", repeat(3, 7))), "total")).isEqualTo(new ScaleScore("total", 21.0, 7, 7, false, "severe"));
        }

        @Test
        void band_edges_follow_the_published_cut_points() {
            // 1+1+1+1+0+0+0 = 4 minimal; 1+1+1+1+1+0+0 = 5 mild; 2+2+2+1+1+1+0 = 9 mild;
            // 1+2+0+3+1+2+1 = 10 moderate; 2*7 = 14 moderate; 3+3+3+3+3+0+0 = 15 severe
            assertThat(scale(Scorer.score(d, answers("gad7", 1, 1, 1, 1, 0, 0, 0)), "total").band()).isEqualTo("minimal");
            assertThat(scale(Scorer.score(d, answers("gad7", 1, 1, 1, 1, 1, 0, 0)), "total")).extracting(ScaleScore::score, ScaleScore::band).containsExactly(5.0, "mild");
            assertThat(scale(Scorer.score(d, answers("gad7", 2, 2, 2, 1, 1, 1, 0)), "total")).extracting(ScaleScore::score, ScaleScore::band).containsExactly(9.0, "mild");
            assertThat(scale(Scorer.score(d, answers("gad7", 1, 2, 0, 3, 1, 2, 1)), "total")).extracting(ScaleScore::score, ScaleScore::band).containsExactly(10.0, "moderate");
            assertThat(scale(Scorer.score(d, answers("gad7", repeat(2, 7))), "total")).extracting(ScaleScore::score, ScaleScore::band).containsExactly(14.0, "moderate");
            assertThat(scale(Scorer.score(d, answers("gad7", 3, 3, 3, 3, 3, 0, 0)), "total")).extracting(ScaleScore::score, ScaleScore::band).containsExactly(15.0, "severe");
        }

        @Test
        void one_missing_item_gives_no_total_rather_than_counting_it_as_zero() {
            assertThat(scale(Scorer.score(d, answers("gad7", 3, 3, 3, null, 3, 3, 3)), "total")).isEqualTo(new ScaleScore("total", null, 6, 7, false, null));
        }

        @Test
        void the_difficulty_item_does_not_enter_the_total() {
            var a = answers("gad7", repeat(1, 7));
            a.put("gad7_difficulty", 3);
            var r = Scorer.score(d, a);
            assertThat(r.scales()).hasSize(1);
            assertThat(scale(r, "total").score()).isEqualTo(7.0);
        }
    }

    @Nested
    class Fmps {
        final InstrumentDefinition d = Shipped.load("fmps");

        /** Item i answered (i mod 5) + 1: 2,3,4,5,1,2,3,4,5,1,… */
        Map<String, Object> cyclic() {
            Integer[] v = new Integer[35];
            for (int i = 1; i <= 35; i++) v[i - 1] = i % 5 + 1;
            return answers("fmps", v);
        }

        @Test
        void all_ones_give_each_subscale_its_item_count_and_a_total_of_29() {
            var r = Scorer.score(d, answers("fmps", repeat(1, 35)));
            assertThat(r.scales()).extracting(ScaleScore::id, ScaleScore::score).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("concern_over_mistakes", 9.0), org.assertj.core.groups.Tuple.tuple("personal_standards", 7.0),
                    org.assertj.core.groups.Tuple.tuple("parental_expectations", 5.0), org.assertj.core.groups.Tuple.tuple("parental_criticism", 4.0),
                    org.assertj.core.groups.Tuple.tuple("doubts_about_actions", 4.0), org.assertj.core.groups.Tuple.tuple("organization", 6.0),
                    org.assertj.core.groups.Tuple.tuple("total", 29.0));
            assertThat(scale(r, "total")).extracting(ScaleScore::answered, ScaleScore::of).containsExactly(29, 29);
        }

        @Test
        void all_fives_give_five_times_the_item_counts_and_a_total_of_145() {
            var r = Scorer.score(d, answers("fmps", repeat(5, 35)));
            // 5*9=45, 5*7=35, 5*5=25, 5*4=20, 5*4=20, 5*6=30; total 45+35+25+20+20 = 145 (organization excluded)
            assertThat(r.scales()).extracting(ScaleScore::score).containsExactly(45.0, 35.0, 25.0, 20.0, 20.0, 30.0, 145.0);
        }

        @Test
        void a_mixed_vector_scores_by_the_published_subscale_key() {
            // CM items 9,10,13,14,18,21,23,25,34 -> 5+1+4+5+4+2+4+1+5 = 31
            // PS 4,6,12,16,19,24,30 -> 5+2+3+2+5+5+1 = 23
            // PE 1,11,15,20,26 -> 2+2+1+1+2 = 8
            // PC 3,5,22,35 -> 4+1+3+1 = 9
            // D 17,28,32,33 -> 3+4+3+4 = 14
            // O 2,7,8,27,29,31 -> 3+3+4+3+5+2 = 20
            // total = 31+23+8+9+14 = 85
            var r = Scorer.score(d, cyclic());
            assertThat(r.scales()).extracting(ScaleScore::score).containsExactly(31.0, 23.0, 8.0, 9.0, 14.0, 20.0, 85.0);
        }

        @Test
        void a_missing_item_nulls_its_subscale_and_the_total() {
            var a = cyclic();
            a.remove("fmps_9");
            var r = Scorer.score(d, a);
            assertThat(scale(r, "concern_over_mistakes")).isEqualTo(new ScaleScore("concern_over_mistakes", null, 8, 9, false, null));
            assertThat(scale(r, "personal_standards").score()).isEqualTo(23.0);
            assertThat(scale(r, "total")).isEqualTo(new ScaleScore("total", null, 28, 29, false, null));
        }

        @Test
        void a_missing_organization_item_leaves_the_total_intact() {
            var a = cyclic();
            a.remove("fmps_2");
            var r = Scorer.score(d, a);
            assertThat(scale(r, "organization").score()).isNull();
            assertThat(scale(r, "total").score()).isEqualTo(85.0);
        }
    }

    @Nested
    class Stai {
        final InstrumentDefinition d = Shipped.load("stai");
        static final List<Integer> STATE_REVERSED = List.of(1, 2, 5, 8, 10, 11, 15, 16, 19, 20);
        static final List<Integer> TRAIT_REVERSED = List.of(21, 23, 26, 27, 30, 33, 34, 36, 39);

        @Test
        void all_ones_score_50_on_state_and_47_on_trait() {
            // state: 10 reversed items 1 -> 4 (40) + 10 others 1 (10) = 50
            // trait: 9 reversed items 1 -> 4 (36) + 11 others 1 (11) = 47
            var r = Scorer.score(d, answers("stai", repeat(1, 40)));
            assertThat(scale(r, "state")).isEqualTo(new ScaleScore("state", 50.0, 20, 20, false, null));
            assertThat(scale(r, "trait")).isEqualTo(new ScaleScore("trait", 47.0, 20, 20, false, null));
        }

        @Test
        void all_fours_score_50_on_state_and_53_on_trait() {
            // state: 10 reversed 4 -> 1 (10) + 10 others 4 (40) = 50
            // trait: 9 reversed 4 -> 1 (9) + 11 others 4 (44) = 53
            var r = Scorer.score(d, answers("stai", repeat(4, 40)));
            assertThat(scale(r, "state").score()).isEqualTo(50.0);
            assertThat(scale(r, "trait").score()).isEqualTo(53.0);
        }

        @Test
        void the_most_anxious_pattern_scores_80_and_the_least_anxious_20() {
            // anxious: reversed items answered 1 (scored 4), the others 4 -> 20 * 4 = 80 on each scale
            var anxious = new HashMap<String, Object>();
            var calm = new HashMap<String, Object>();
            for (int i = 1; i <= 40; i++) {
                boolean rev = STATE_REVERSED.contains(i) || TRAIT_REVERSED.contains(i);
                anxious.put("stai_" + i, rev ? 1 : 4);
                calm.put("stai_" + i, rev ? 4 : 1);
            }
            var r = Scorer.score(d, anxious);
            assertThat(scale(r, "state").score()).isEqualTo(80.0);
            assertThat(scale(r, "trait").score()).isEqualTo(80.0);
            var c = Scorer.score(d, calm);
            assertThat(scale(c, "state").score()).isEqualTo(20.0);
            assertThat(scale(c, "trait").score()).isEqualTo(20.0);
        }

        @Test
        void one_missing_item_is_prorated_as_mean_times_20_without_rounding() {
            // all 1 except stai_3 (not reversed) missing: 50 - 1 = 49 over 19 items -> 49 / 19 * 20 = 980/19 = 51.578947…
            var a = answers("stai", repeat(1, 40));
            a.remove("stai_3");
            var s = scale(Scorer.score(d, a), "state");
            assertThat(s.score()).isCloseTo(980.0 / 19, within(1e-9));
            assertThat(s).extracting(ScaleScore::answered, ScaleScore::of, ScaleScore::prorated).containsExactly(19, 20, true);
        }

        @Test
        void two_missing_items_are_still_prorated() {
            // all 1 except stai_1 (reversed, would score 4) and stai_3 missing: 50 - 4 - 1 = 45 over 18 -> 45/18*20 = 50
            var a = answers("stai", repeat(1, 40));
            a.remove("stai_1");
            a.remove("stai_3");
            assertThat(scale(Scorer.score(d, a), "state")).isEqualTo(new ScaleScore("state", 50.0, 18, 20, true, null));
            // trait all 4 except stai_40 (not reversed, 4) missing: 53 - 4 = 49 over 19 -> 980/19
            var t = answers("stai", repeat(4, 40));
            t.remove("stai_40");
            assertThat(scale(Scorer.score(d, t), "trait").score()).isCloseTo(980.0 / 19, within(1e-9));
        }

        @Test
        void three_missing_items_give_no_score() {
            var a = answers("stai", repeat(2, 40));
            a.remove("stai_21");
            a.remove("stai_22");
            a.remove("stai_23");
            var r = Scorer.score(d, a);
            assertThat(scale(r, "trait")).isEqualTo(new ScaleScore("trait", null, 17, 20, false, null));
            // state untouched: 10 reversed 2 -> 3 (30) + 10 others 2 (20) = 50
            assertThat(scale(r, "state").score()).isEqualTo(50.0);
        }
    }

    @Test
    void study_forms_have_no_scales_and_score_to_an_empty_list() {
        for (String id : new String[] {"musical_background", "dystonia_history", "treatment_outcome", "family_history"}) {
            assertThat(Scorer.score(Shipped.load(id), Map.of()).scales()).isEmpty();
        }
    }

    @Test
    void unknown_item_ids_are_rejected_by_name() {
        assertThatThrownBy(() -> Scorer.score(Shipped.load("gad7"), Map.of("gad7_8", 1, "phq9_1", 2)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("gad7_8, phq9_1");
    }

    @Test
    void values_outside_the_response_set_are_rejected() {
        assertThatThrownBy(() -> Scorer.score(Shipped.load("gad7"), Map.of("gad7_1", 4)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("gad7_1").hasMessageContaining("[0, 1, 2, 3]");
    }

    @Test
    void a_number_sent_as_text_is_rejected_and_shown_as_text() {
        assertThatThrownBy(() -> Scorer.score(Shipped.load("gad7"), Map.of("gad7_1", "1")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("gad7_1: expected one of the values [0, 1, 2, 3], got '1' (text)");
    }

    @Test
    void answers_to_items_hidden_by_show_if_do_not_count() {
        var d = Shipped.load("musical_background");
        var visible = Scorer.visibleAnswers(d, Map.of("musical_background_pain", 0, "musical_background_pain_frequency", 3));
        assertThat(visible).containsOnlyKeys("musical_background_pain");
    }
}
