package org.motif.questionnaire.survey;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down clients that try survey tokens that do not work, so tokens cannot be probed: after
 * {@value #FREE_FAILURES} bad tokens within {@link #WINDOW}, each further attempt waits one second
 * more, up to {@link #MAX_DELAY}. Counts are per node and per client address; they fade after the window.
 */
@Component
public class BadTokenThrottle {
    static final int FREE_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration MAX_DELAY = Duration.ofSeconds(10);
    private static final int MAX_CLIENTS = 100_000;

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public BadTokenThrottle() {
        this(Clock.systemUTC());
    }

    BadTokenThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long a request from this client should wait before its token is looked up. */
    public Duration delayFor(String client) {
        Failures f = failures.get(client);
        if (f == null || expired(f)) return Duration.ZERO;
        int over = f.count - FREE_FAILURES;
        return over <= 0 ? Duration.ZERO : Duration.ofSeconds(Math.min(over, MAX_DELAY.toSeconds()));
    }

    public void recordFailure(String client) {
        if (failures.size() > MAX_CLIENTS) failures.values().removeIf(this::expired);
        failures.compute(client, (k, f) -> f == null || expired(f) ? new Failures(1, clock.millis()) : new Failures(f.count + 1, f.since));
    }

    private boolean expired(Failures f) {
        return clock.millis() - f.since > WINDOW.toMillis();
    }

    private record Failures(int count, long since) {
    }
}
