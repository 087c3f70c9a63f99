package org.motif.pedigree;

import java.util.List;

/**
 * A fault found in a PED file or a pedigree. Errors block an import; warnings do not.
 *
 * @param line        1-based line of the PED file, or null when the fault has no line
 * @param field       the PED column the fault is in (e.g. {@code SEX}), or null
 * @param individuals the ids the fault is about, never null
 * @param message     what is wrong, naming the individuals, and how to fix it
 */
public record PedigreeIssue(Severity severity, Integer line, String field, List<String> individuals, String message) {
    public enum Severity { ERROR, WARNING }

    public PedigreeIssue {
        individuals = individuals == null ? List.of() : List.copyOf(individuals);
    }

    public static PedigreeIssue error(Integer line, String field, List<String> ids, String message) {
        return new PedigreeIssue(Severity.ERROR, line, field, ids, message);
    }

    public static PedigreeIssue warning(Integer line, String field, List<String> ids, String message) {
        return new PedigreeIssue(Severity.WARNING, line, field, ids, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + (line != null ? " line " + line : "") + (field != null ? " " + field : "") + ": " + message;
    }
}
