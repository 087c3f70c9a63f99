package org.motif.linkage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-computed LODs: phase-known fully informative families follow LOD(θ) = n·log10(2(1−θ)) + k·log10(2θ); the
 * textbook families HK1–HK4 of ../shared/tools/README.md (dominant, f = 0, 1, 1, q = 0.001, marker 0.5/0.5), whose
 * values FASTLINK reproduces to 6 decimals.
 */
class TextbookFamiliesTest {

    static final DiseaseModel FULL_DOMINANT = new DiseaseModel(0.001, 0, 1, 1);
    static final List<Double> THETAS = LinkageAnalysis.DEFAULT_THETAS;

    static double[] lods(TestPedigrees.Family fam) {
        LinkageAnalysis a = LinkageAnalysis.prepare(fam.pedigree(), fam.samples(), FULL_DOMINANT, THETAS,
                AlleleFrequencySource.INFO);
        return a.analyse(fam.marker("m1", 0.5)).families().get(0).lods();
    }

    static void assertLods(double[] expected, double[] actual, double tol) {
        for (int t = 0; t < expected.length; t++) {
            if (expected[t] == Double.NEGATIVE_INFINITY) {
                assertEquals(Double.NEGATIVE_INFINITY, actual[t], "θ=" + THETAS.get(t));
            } else {
                assertEquals(expected[t], actual[t], tol, "θ=" + THETAS.get(t));
            }
        }
    }

    @ParameterizedTest(name = "n={0} non-recombinants, k={1} recombinants")
    @CsvSource({"5,0", "4,1", "7,2", "3,3", "10,0", "1,0", "6,4"})
    void phase_known_fully_informative_family_scores_n_log_2_1_minus_theta_plus_k_log_2_theta(int n, int k) {
        double[] expected = new double[THETAS.size()];
        for (int t = 0; t < expected.length; t++) {
            double th = THETAS.get(t);
            expected[t] = n * Math.log10(2 * (1 - th)) + (k == 0 ? 0 : k * Math.log10(2 * th));
        }
        assertLods(expected, lods(TestPedigrees.textbook("PK", n, k, true)), 1e-6);
    }

    @Test
    void hk1_matches_the_textbook_and_fastlink() {
        assertLods(new double[] {1.505150, 1.483326, 1.393768, 1.276363, 1.020600, 0.730640, 0.395906},
                lods(TestPedigrees.textbook("HK1", 5, 0, true)), 1e-5);
    }

    @Test
    void hk2_matches_the_textbook_and_fastlink() {
        assertLods(new double[] {Double.NEGATIVE_INFINITY, -0.512309, 0.115014, 0.322120, 0.418540, 0.362663,
                0.219815}, lods(TestPedigrees.textbook("HK2", 4, 1, true)), 1e-5);
    }

    @Test
    void hk3_phase_unknown_matches_the_textbook_and_fastlink() {
        assertLods(new double[] {0.903090, 0.885631, 0.813988, 0.720126, 0.517143, 0.297892, 0.093982},
                lods(TestPedigrees.textbook("HK3", 4, 0, false)), 1e-5);
    }

    @Test
    void hk4_phase_unknown_matches_the_textbook_and_fastlink() {
        assertLods(new double[] {Double.NEGATIVE_INFINITY, -0.516674, 0.092741, 0.276429, 0.323323, 0.222171,
                0.076253}, lods(TestPedigrees.textbook("HK4", 5, 1, false)), 1e-5);
    }
}
