package org.motif.base;

/**
 * One fault in a file or a request body.
 *
 * @param line    1-based line of the file, or null when the fault has no line
 * @param field   the column, field or item the fault is in, or null
 * @param message what is wrong and how to fix it
 */
public record Problem(Integer line, String field, String message) {
    public static Problem of(String message) {
        return new Problem(null, null, message);
    }

    @Override
    public String toString() {
        return (line != null ? "line " + line + ": " : "") + (field != null ? field + ": " : "") + message;
    }
}
