package org.motif.pedigree;

import java.util.Locale;

/** Kind of dystonia in a phenotype record; {@link #code()} is the word used in PED files, API and database. */
public enum DystoniaType {
    MUSICIANS_FOCAL_HAND_DYSTONIA("Musician's focal hand dystonia"),
    EMBOUCHURE_DYSTONIA("Embouchure dystonia"),
    WRITERS_CRAMP("Writer's cramp"),
    OTHER_TASK_SPECIFIC("Other task-specific dystonia"),
    OTHER_FOCAL("Other focal dystonia (e.g. cervical, blepharospasm)"),
    SEGMENTAL_GENERALIZED("Segmental / generalized dystonia"),
    TREMOR_ONLY("Tremor only");

    private final String title;

    DystoniaType(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** e.g. {@code musicians_focal_hand_dystonia}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a code (any case); returns null when it names no type. */
    public static DystoniaType fromCode(String code) {
        for (DystoniaType t : values()) if (t.code().equalsIgnoreCase(code.trim())) return t;
        return null;
    }
}
