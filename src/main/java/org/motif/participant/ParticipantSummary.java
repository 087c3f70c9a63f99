package org.motif.participant;

import org.motif.pedigree.Affection;
import org.motif.pedigree.Sex;
import org.motif.pedigree.StudyRole;

/** A participant as lists show it, with the latest phenotype record (null when none). */
public record ParticipantSummary(String id, String familyId, String fatherId, String motherId, Sex sex, Integer birthYear,
                                 boolean proband, StudyRole role, Affection affection, boolean deceased, boolean placeholder,
                                 PhenotypeView phenotype) {
}
