package org.motif.base;

import java.util.List;

/**
 * A problem a user can fix, with a message that says what and how. Never carries a stack trace to
 * the screen: views show {@link #getMessage()}, the API turns it into {@code application/problem+json}.
 */
public class MotifException extends RuntimeException {
    private final List<Problem> problems;

    public MotifException(String message) {
        this(message, List.of());
    }

    public MotifException(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** Individual faults (file line, field, message) when the input had several. */
    public List<Problem> problems() {
        return problems;
    }
}
