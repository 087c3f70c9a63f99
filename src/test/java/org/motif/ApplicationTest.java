package org.motif;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApplicationTest {

    @Test
    void the_demo_flag_is_short_for_the_demo_property() {
        assertThat(Application.translateFlags(new String[]{"--demo", "--server.port=9000"}))
                .containsExactly("--motif.demo=true", "--server.port=9000");
    }
}
