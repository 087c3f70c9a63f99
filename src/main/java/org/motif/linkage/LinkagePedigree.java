package org.motif.linkage;

import java.util.List;
import java.util.Objects;

/**
 * All individuals of all families taking part in one linkage run, in PED order.
 * Family ids group the individuals; the order of first appearance is the output order of families.
 *
 * @param individuals the people, never null; parents may be listed after their children
 */
public record LinkagePedigree(List<LinkageIndividual> individuals) {

    /** @throws NullPointerException if individuals is null */
    public LinkagePedigree {
        individuals = List.copyOf(Objects.requireNonNull(individuals, "individuals"));
    }
}
