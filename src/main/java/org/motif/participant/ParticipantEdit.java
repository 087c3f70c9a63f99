package org.motif.participant;

import org.motif.pedigree.Sex;
import org.motif.pedigree.StudyRole;

/** The editable fields of a participant and the version they were read at (optimistic locking). */
public record ParticipantEdit(String id, int version, Sex sex, Integer birthYear, boolean proband, StudyRole role, boolean deceased,
                              String twinGroup, String twinType) {
    public static ParticipantEdit of(ParticipantDetail d) {
        var s = d.summary();
        return new ParticipantEdit(s.id(), d.version(), s.sex(), s.birthYear(), s.proband(), s.role(), s.deceased(), d.twinGroup(), d.twinType());
    }
}
