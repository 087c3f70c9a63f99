package org.motif.participant;

import org.motif.pedigree.Sex;
import org.motif.pedigree.StudyRole;

/**
 * A relative to add. {@code id} null or blank: the next free {@code <familyId>-NN}. {@code sex} is
 * implied for father (male) and mother (female); for a child, {@code partnerId} names the other parent
 * (null: the existing partner if there is exactly one, else a placeholder).
 */
public record NewRelative(String id, Sex sex, Integer birthYear, StudyRole role, String partnerId) {
    public static NewRelative of(Sex sex) {
        return new NewRelative(null, sex, null, StudyRole.RELATIVE, null);
    }
}
