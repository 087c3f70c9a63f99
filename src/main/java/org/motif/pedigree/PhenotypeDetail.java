package org.motif.pedigree;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The detail of a phenotype record beyond affection. Every field may be null (not recorded).
 *
 * @param ageAtOnset age in whole years at the first symptom
 * @param hpoTerms   HPO term ids ({@code HP:} and 7 digits), never null (empty when none)
 * @param recordedOn the date of the examination or report
 */
public record PhenotypeDetail(DystoniaType dystoniaType, String bodyRegion, String side, String instrument, String task,
                              Integer ageAtOnset, Certainty certainty, String severity, List<String> hpoTerms,
                              String examiner, LocalDate recordedOn, String note) {
    /** The format of an HPO term id. */
    public static final Pattern HPO_ID = Pattern.compile("HP:\\d{7}");
    public static final PhenotypeDetail NONE = new PhenotypeDetail(null, null, null, null, null, null, null, null, List.of(), null, null, null);

    public PhenotypeDetail {
        hpoTerms = hpoTerms == null ? List.of() : List.copyOf(hpoTerms);
    }

    /** True when no field is recorded. */
    public boolean isEmpty() {
        return this.equals(NONE);
    }
}
