package org.motif.questionnaire.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BadTokenThrottleTest {
    private Instant now = Instant.parse("2026-11-25T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void five_bad_tokens_are_free_then_each_one_costs_a_second_more_up_to_ten() {
        var throttle = new BadTokenThrottle(clock);
        for (int i = 0; i < 5; i++) throttle.recordFailure("10.0.0.1");
        assertThat(throttle.delayFor("10.0.0.1")).isEqualTo(Duration.ZERO);
        throttle.recordFailure("10.0.0.1");
        assertThat(throttle.delayFor("10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        for (int i = 0; i < 20; i++) throttle.recordFailure("10.0.0.1");
        assertThat(throttle.delayFor("10.0.0.1")).isEqualTo(Duration.ofSeconds(10));
        assertThat(throttle.delayFor("10.0.0.2")).isEqualTo(Duration.ZERO);
    }

    @Test
    void the_count_fades_after_fifteen_minutes() {
        var throttle = new BadTokenThrottle(clock);
        for (int i = 0; i < 8; i++) throttle.recordFailure("10.0.0.1");
        assertThat(throttle.delayFor("10.0.0.1")).isEqualTo(Duration.ofSeconds(3));
        now = now.plus(Duration.ofMinutes(16));
        assertThat(throttle.delayFor("10.0.0.1")).isEqualTo(Duration.ZERO);
    }
}
