package org.motif.base;

/** An id that names nothing (HTTP 404). The message names the id. */
public class NotFoundException extends MotifException {
    public NotFoundException(String message) {
        super(message);
    }
}
