package org.motif.pedigree;

import java.util.Locale;

/** Sex as PED codes it: 1 male, 2 female, 0 unknown. {@link #code()} is the PED code, {@link #label()} the API word. */
public enum Sex {
    MALE("1"), FEMALE("2"), UNKNOWN("0");

    private final String code;

    Sex(String code) {
        this.code = code;
    }

    /** The PED column value (1, 2 or 0). */
    public String code() {
        return code;
    }

    /** The API and database word: male, female, unknown. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a PED code (1/2/0); returns null for anything else. */
    public static Sex fromCode(String code) {
        for (Sex s : values()) if (s.code.equals(code)) return s;
        return null;
    }

    /** Parses the API/database word (any case); throws IllegalArgumentException otherwise. */
    public static Sex fromLabel(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT));
    }
}
