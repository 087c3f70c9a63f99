package org.motif.base;

/** The request clashes with stored state: a duplicate, a stale version, an id clash (HTTP 409). */
public class ConflictException extends MotifException {
    public ConflictException(String message) {
        super(message);
    }
}
