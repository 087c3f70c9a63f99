package org.motif.participant;

import java.util.List;

/**
 * One participant with everything but contact details: the summary, twin fields, the version for
 * optimistic locking and the phenotype history (oldest first).
 */
public record ParticipantDetail(ParticipantSummary summary, String twinGroup, String twinType, int version,
                                List<PhenotypeView> phenotypes) {
    public String id() {
        return summary.id();
    }
}
