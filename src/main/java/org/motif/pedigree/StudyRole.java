package org.motif.pedigree;

import java.util.Locale;

/** Why someone is in the study: a musician (index case or musician relative) or a relative. */
public enum StudyRole {
    MUSICIAN, RELATIVE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a code (any case); returns null when it names none. */
    public static StudyRole fromCode(String code) {
        for (StudyRole r : values()) if (r.code().equalsIgnoreCase(code.trim())) return r;
        return null;
    }
}
