package org.motif.questionnaire.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SurveyTokensTest {

    @Test
    void tokens_carry_192_random_bits_in_32_url_safe_characters_and_do_not_repeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String t = SurveyTokens.newToken();
            assertThat(t).hasSize(32).matches("[A-Za-z0-9_-]+");
            assertThat(SurveyTokens.wellFormed(t)).isTrue();
            seen.add(t);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void the_stored_hash_is_the_sha256_of_the_token() {
        // echo -n abc | sha256sum
        assertThat(SurveyTokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(SurveyTokens.wellFormed("short")).isFalse();
        assertThat(SurveyTokens.wellFormed("x".repeat(31) + "/")).isFalse();
    }
}
