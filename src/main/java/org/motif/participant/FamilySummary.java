package org.motif.participant;

/** A family as the families list shows it. */
public record FamilySummary(String familyId, int members, int affected, String probandId, String note) {
}
