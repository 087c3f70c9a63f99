package org.motif.export;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The sheets of the dataset workbook (one CSV file each in the zip), in workbook order. {@link #DICTIONARY}
 * and {@link #ABOUT} are always written; the others are chosen with {@code include=}.
 */
public enum ExportSheet {
    PARTICIPANTS("participants", "Participants", true, true),
    RESPONSES("responses", "Responses", true, false),
    SCORES("scores", "Scores", true, true),
    PHENOTYPES("phenotypes", "Phenotypes", true, true),
    PEDIGREE("pedigree", "Pedigree", true, true),
    VARIANTS("variants", "Variants", false, true),
    GENOTYPES("genotypes", "Genotypes", false, true),
    LINKAGE("linkage", "Linkage", false, true),
    DICTIONARY("dictionary", "Data dictionary", true, true),
    ABOUT("about", "About", true, true);

    private final String id;
    private final String title;
    private final boolean coordinator;
    private final boolean geneticist;

    ExportSheet(String id, String title, boolean coordinator, boolean geneticist) {
        this.id = id;
        this.title = title;
        this.coordinator = coordinator;
        this.geneticist = geneticist;
    }

    /** The name used in {@code include=} and as the CSV file name ({@code <id>.csv}). */
    public String id() {
        return id;
    }

    /** The sheet name in the workbook. */
    public String title() {
        return title;
    }

    /** The sheets a user may choose with {@code include=} (all but dictionary and about). */
    public static Set<ExportSheet> choosable() {
        return EnumSet.range(PARTICIPANTS, LINKAGE);
    }

    /**
     * Whether a user with these roles may see the sheet (DESIGN.md roles table; the union over the roles).
     *
     * @param coordinatorRole the user holds COORDINATOR (or ADMIN)
     * @param geneticistRole  the user holds GENETICIST (or ADMIN)
     */
    public boolean visibleTo(boolean coordinatorRole, boolean geneticistRole) {
        return coordinatorRole && coordinator || geneticistRole && geneticist;
    }

    /** The sheet named {@code id} (case-insensitive), if any. */
    public static Optional<ExportSheet> fromId(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id.equals(key)).findFirst();
    }
}
