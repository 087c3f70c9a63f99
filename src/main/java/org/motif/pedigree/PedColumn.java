package org.motif.pedigree;

import java.util.Locale;

/**
 * Columns of a PED file: the six standard ones, then the extra fields a {@code #} header may name
 * (DESIGN.md "PED semantics"). {@link #header()} is the name written in the header.
 */
public enum PedColumn {
    FID, IID, PAT, MAT, SEX, PHENO,
    BIRTH_YEAR, PROBAND, DECEASED, ROLE, PLACEHOLDER, TWIN_GROUP, TWIN_TYPE,
    DYSTONIA_TYPE, BODY_REGION, SIDE, INSTRUMENT, TASK, AGE_AT_ONSET, CERTAINTY, SEVERITY, HPO_TERMS, EXAMINER,
    RECORDED_ON, NOTE;

    /** The six columns every PED line has, in order. */
    public static final PedColumn[] STANDARD = {FID, IID, PAT, MAT, SEX, PHENO};

    public boolean isStandard() {
        return ordinal() < 6;
    }

    /** True for the columns that describe the phenotype record rather than the participant. */
    public boolean isPhenotypeDetail() {
        return ordinal() >= DYSTONIA_TYPE.ordinal();
    }

    /** Upper case for the six standard columns, lower snake case for extra fields. */
    public String header() {
        return isStandard() ? name() : name().toLowerCase(Locale.ROOT);
    }

    /** The column a header name means (any case), or null when it names none. */
    public static PedColumn fromHeader(String name) {
        for (PedColumn c : values()) if (c.name().equalsIgnoreCase(name)) return c;
        return null;
    }
}
