package org.motif.participant;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.motif.pedigree.Affection;
import org.motif.pedigree.Certainty;
import org.motif.pedigree.DystoniaType;
import org.motif.pedigree.PhenotypeDetail;

/** One phenotype record of a participant (the latest drives the pedigree's affection). */
public record PhenotypeView(LocalDate recordedOn, Affection affection, DystoniaType dystoniaType, String bodyRegion, String side,
                            String instrument, String task, Integer ageAtOnset, Certainty certainty, String severity,
                            List<String> hpoTerms, String examiner, String note, String recordedBy, OffsetDateTime recordedAt) {
    public PhenotypeDetail detail() {
        return new PhenotypeDetail(dystoniaType, bodyRegion, side, instrument, task, ageAtOnset, certainty, severity, hpoTerms, examiner,
                recordedOn, note);
    }
}
