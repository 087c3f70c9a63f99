package org.motif.pedigree;

import java.util.Locale;

/** How sure a dystonia diagnosis is. */
public enum Certainty {
    DEFINITE, PROBABLE, POSSIBLE, SELF_REPORT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a code (any case, {@code self-report} too); returns null when it names none. */
    public static Certainty fromCode(String code) {
        for (Certainty c : values()) if (c.code().equalsIgnoreCase(code.trim().replace('-', '_'))) return c;
        return null;
    }
}
