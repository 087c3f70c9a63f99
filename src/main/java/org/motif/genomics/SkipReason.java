package org.motif.genomics;

/** Why a VCF record is not stored; the JSON name is {@link #code()}. */
public enum SkipReason {
    /** An ALT allele is symbolic ({@code <DEL>}, {@code <*>}, {@code <NON_REF>}) or a breakend. */
    SYMBOLIC_ALLELE("symbolic_allele"),
    /** INFO has SVTYPE: a structural variant. */
    STRUCTURAL_VARIANT("structural_variant"),
    /** The record has no FORMAT column or no GT in it. */
    NO_GENOTYPE("no_genotype"),
    /** ALT is '.': a reference-only record. */
    NO_ALT_ALLELE("no_alt_allele");

    private final String code;

    SkipReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
