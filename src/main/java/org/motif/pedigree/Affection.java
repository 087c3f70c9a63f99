package org.motif.pedigree;

import java.util.Locale;

/** Affection by task-specific dystonia as PED codes it: 2 affected, 1 unaffected, 0 or -9 unknown. */
public enum Affection {
    AFFECTED("2"), UNAFFECTED("1"), UNKNOWN("0");

    private final String code;

    Affection(String code) {
        this.code = code;
    }

    /** The PED column value written on export (2, 1 or 0). */
    public String code() {
        return code;
    }

    /** The API and database word: affected, unaffected, unknown. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a PED code: 2, 1, 0 or -9 (PLINK's missing); returns null for anything else. */
    public static Affection fromCode(String code) {
        if ("-9".equals(code)) return UNKNOWN;
        for (Affection a : values()) if (a.code.equals(code)) return a;
        return null;
    }

    /** Parses the API/database word (any case); throws IllegalArgumentException otherwise. */
    public static Affection fromLabel(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT));
    }
}
