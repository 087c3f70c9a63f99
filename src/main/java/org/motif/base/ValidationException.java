package org.motif.base;

import java.util.List;

/** Well-formed input that fails validation (HTTP 422); lists every problem found. */
public class ValidationException extends MotifException {
    public ValidationException(String message) {
        super(message);
    }

    public ValidationException(String message, List<Problem> problems) {
        super(message, problems);
    }
}
